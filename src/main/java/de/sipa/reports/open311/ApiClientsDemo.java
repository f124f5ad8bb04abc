package de.sipa.reports.open311;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.sipa.partners.Partnerships;

/** Musterstadt's demo Open311 client, so that apps can be tried against the demo at once. */
@Component
@Profile("demo")
@Order(30)
class ApiClientsDemo implements ApplicationRunner {

    static final String DEMO_KEY = "musterstadt-demo-key";

    private final Partnerships partnerships;
    private final ApiClients clients;

    ApiClientsDemo(Partnerships partnerships, ApiClients clients) {
        this.partnerships = partnerships;
        this.clients = clients;
    }

    @Override
    public void run(ApplicationArguments args) {
        partnerships.bySlug("musterstadt").filter(p -> !clients.known(DEMO_KEY))
                .ifPresent(p -> clients.register(p.id(), "Demo-App", DEMO_KEY));
    }
}
