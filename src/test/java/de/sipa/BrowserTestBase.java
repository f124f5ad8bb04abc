package de.sipa;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.sipa.shared.DemoStory;

/**
 * What every browser test shares: SiPa with the Musterstadt demo on a random port (its own embedded PostgreSQL,
 * shared by all browser tests), skipped or failed without Chromium (see {@link Browser.Installed}), and the
 * browsers a test opens, closed after it. Maps load their tiles from, and search addresses at, a stub server on
 * 127.0.0.1 ({@link StubMapServer}), never OpenStreetMap.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sipa.database.directory=target/browser-postgres")
@ActiveProfiles({"test", "demo"})
@ExtendWith(Browser.Installed.class)
public abstract class BrowserTestBase {

    /** Shared by all browser tests, so they share one application context. */
    protected static final StubMapServer MAP_SERVER = StubMapServer.start();

    @DynamicPropertySource
    static void mapServer(DynamicPropertyRegistry registry) {
        registry.add("sipa.map.tile-url", MAP_SERVER::tileUrl);
        registry.add("sipa.map.geocoder-url", MAP_SERVER::geocoderUrl);
    }

    @LocalServerPort
    private int port;

    /** The day the demo was loaded, which its story is dated from (a run may pass midnight after it). */
    @Autowired
    protected DemoStory story;

    private final List<Browser> opened = new ArrayList<>();

    /** A fresh headless Chromium on the application, closed after the test. */
    protected Browser open(Browser.Viewport viewport) {
        var browser = Browser.start("http://localhost:" + port, viewport);
        opened.add(browser);
        return browser;
    }

    /** The same with JavaScript switched off in the browser. */
    protected Browser openWithoutJavaScript(Browser.Viewport viewport) {
        var browser = Browser.startWithoutJavaScript("http://localhost:" + port, viewport);
        opened.add(browser);
        return browser;
    }

    @AfterEach
    void closeBrowsers() {
        opened.forEach(Browser::close);
        opened.clear();
    }
}
