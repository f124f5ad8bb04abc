package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.SipaIntegrationTest;

/** Login failures are counted in PostgreSQL: what one instance saw slows down the next attempt on another. */
@SipaIntegrationTest
class LoginThrottleTests {

    @Autowired
    JdbcClient jdbc;

    // Far from the demo's and other tests' failures, which lie within the last 24 hours of the real clock.
    private final Clock clock = Clock.fixed(Instant.parse("2031-03-04T10:00:00Z"), ZoneOffset.UTC);

    /** Another user name per test, so that tests sharing the database never count each other's failures. */
    private final String username = "throttled-" + UUID.randomUUID();

    private LoginThrottle instance() {
        return new LoginThrottle(jdbc, clock, new SecuritySettings(List.of(), Set.of(), Duration.ofMinutes(15),
                Duration.ofMinutes(30)));
    }

    @Test
    void failuresSeenByOneInstanceDelayTheNextAttemptOnAnotherAndASuccessThereClearsThem() {
        var first = instance();
        var second = instance();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_USERNAME; i++) {
            (i % 2 == 0 ? first : second).recordFailure(username, "198.51.100." + i);
        }

        assertThat(second.waitBefore(username, "203.0.113.7")).as("from yet another address")
                .contains(Duration.ofSeconds(2));
        assertThat(first.waitBefore(username, "203.0.113.7")).contains(Duration.ofSeconds(2));

        second.recordSuccess(username);
        assertThat(first.waitBefore(username, "203.0.113.7")).isEmpty();
    }
}
