package de.sipa.surveys;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;

/**
 * Musterstadt's survey answers, after the editor's demo waves (80): about 2,000 generated responses for every wave
 * that is not open and has none yet, with the sense of security improving most in the Palastgarten's district
 * ({@link DemoResponses}).
 */
@Component
@Profile("demo")
@Order(81)
class SurveyResponsesDemo implements ApplicationRunner {

    private final Partnerships partnerships;
    private final DemoResponses responses;

    SurveyResponsesDemo(Partnerships partnerships, DemoResponses responses) {
        this.partnerships = partnerships;
        this.responses = responses;
    }

    @Override
    public void run(ApplicationArguments args) {
        partnerships.bySlug("musterstadt").ifPresent(musterstadt -> CurrentUser.runAs(
                SipaUser.system(musterstadt.id()), () -> responses.load(musterstadt.id())));
    }
}
