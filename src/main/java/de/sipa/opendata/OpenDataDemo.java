package de.sipa.opendata;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;

/**
 * Musterstadt publishes its open data: switched on, with a publisher, a functional mailbox and a (made-up) GovData id,
 * and generated from the demo's figures when the demo loads.
 */
@Component
@Profile("demo")
@Order(95)
class OpenDataDemo implements ApplicationRunner {

    private final Partnerships partnerships;
    private final OpenData openData;

    OpenDataDemo(Partnerships partnerships, OpenData openData) {
        this.partnerships = partnerships;
        this.openData = openData;
    }

    @Override
    public void run(ApplicationArguments args) {
        partnerships.bySlug("musterstadt").ifPresent(musterstadt -> CurrentUser.runAs(
                SipaUser.system(musterstadt.id()), () -> {
                    if (!openData.enabled()) {
                        openData.saveSettings(new CatalogueSettings(CatalogueSettings.CONTRIBUTORS + "musterstadt",
                                "Stadt Musterstadt, Kommunale Kriminalprävention", "https://www.musterstadt.example",
                                "sicherheit@musterstadt.example", null));
                        openData.enable(true);
                    }
                }));
    }
}
