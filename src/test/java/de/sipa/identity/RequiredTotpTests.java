package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.context.SecurityContextRepository;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;

/** An installation that requires a second factor for a role leads its users to the enrolment after the password. */
@SipaIntegrationTest
class RequiredTotpTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    AccountRepository accounts;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    SecurityContextRepository contextRepository;

    @Test
    void aRoleThatRequiresTotpIsLedToTheEnrolmentUntilItIsDone() throws Exception {
        var city = fixtures.city();
        var settings = new SecuritySettings(List.of(), Set.of(Role.STEERING), Duration.ofMinutes(15), Duration.ofMinutes(30));
        var success = new SecurityConfiguration.PasswordLoginSuccess(throttle, accounts, auditTrail, settings,
                contextRepository, Clock.systemUTC());
        var steering = fixtures.user(city.steeringUser());
        var request = new MockHttpServletRequest("POST", "/login");
        var response = new MockHttpServletResponse();
        success.onAuthenticationSuccess(request, response,
                UsernamePasswordAuthenticationToken.authenticated(steering, null, steering.getAuthorities()));
        assertThat(response.getRedirectedUrl()).isEqualTo("/account/totp");

        var gate = new SecurityConfiguration.TotpEnrolmentGate();
        var page = new MockHttpServletRequest("GET", "/directory");
        page.setSession(request.getSession());
        var pageResponse = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        gate.doFilter(page, pageResponse, chain);
        assertThat(pageResponse.getRedirectedUrl()).isEqualTo("/account/totp");
        assertThat(chain.getRequest()).isNull();

        var enrolment = new MockHttpServletRequest("GET", "/account/totp");
        enrolment.setSession(request.getSession());
        chain = new MockFilterChain();
        gate.doFilter(enrolment, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();

        var partner = fixtures.user(city.policeUser());
        var other = new MockHttpServletRequest("POST", "/login");
        var otherResponse = new MockHttpServletResponse();
        success.onAuthenticationSuccess(other, otherResponse,
                UsernamePasswordAuthenticationToken.authenticated(partner, null, partner.getAuthorities()));
        assertThat(otherResponse.getRedirectedUrl()).as("partners are not asked").isEqualTo("/");
    }
}
