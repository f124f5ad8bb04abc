package de.sipa.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Says when every module's demo data are in place: the demo loads after the server already answers, so this is the
 * moment the demo is ready to look at ({@code bench/startup.sh} waits for it).
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoLoaded implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoaded.class);

    @Override
    public void run(ApplicationArguments args) {
        log.info("Musterstadt demo ready");
    }
}
