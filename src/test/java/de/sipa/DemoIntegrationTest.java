package de.sipa;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The integration test configuration with the demo city Musterstadt loaded: one application context and one
 * database for every test class that reads the demo (same annotations, same cached context), because loading the
 * demo's years of history is the slowest start of the suite. Classes using it only read; one that changes the demo
 * needs a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "sipa.database.directory=target/demo-postgres-${sipa.test.fork:1}")
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
public @interface DemoIntegrationTest {
}
