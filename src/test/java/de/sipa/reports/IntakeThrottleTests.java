package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.SipaIntegrationTest;
import de.sipa.reports.IntakeThrottle.Channel;

@SipaIntegrationTest
class IntakeThrottleTests {

    @Autowired
    JdbcClient jdbc;

    // Far from the demo's and other tests' dates, so that their counts never meet these.
    private Instant now = Instant.parse("2031-03-04T10:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Berlin");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Another address per test, so that tests sharing the database never count each other's submissions. */
    private final String address = "192.0.2." + UUID.randomUUID();

    private IntakeThrottle instance() {
        return new IntakeThrottle(jdbc, clock, 2, 3, Duration.ofMinutes(10));
    }

    @Test
    void eachChannelHasItsOwnLimitPerAddressWithinTheWindow() {
        var throttle = instance();
        assertThat(throttle.allow(Channel.WEB, address)).isTrue();
        assertThat(throttle.allow(Channel.WEB, address)).isTrue();
        assertThat(throttle.allow(Channel.WEB, address)).isFalse();
        assertThat(throttle.allow(Channel.WEB, address + "-other")).as("another address").isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allow(Channel.OPEN311, address)).as("Open311 counts apart").isTrue();
        }
        assertThat(throttle.allow(Channel.OPEN311, address)).isFalse();

        now = now.plus(Duration.ofMinutes(20));
        assertThat(throttle.allow(Channel.WEB, address)).as("two windows later").isTrue();
    }

    @Test
    void theLimitHoldsAcrossInstances() {
        var first = instance();
        var second = instance();
        assertThat(first.allow(Channel.WEB, address)).isTrue();
        assertThat(second.allow(Channel.WEB, address)).isTrue();
        assertThat(first.allow(Channel.WEB, address)).as("the second instance's submission counts").isFalse();
        assertThat(second.allow(Channel.WEB, address)).isFalse();
    }

    @Test
    void thePreviousWindowWeighsWithTheShareOfItStillWithinTheLastTenMinutes() {
        var throttle = instance();
        now = Instant.parse("2031-03-04T10:09:00Z");
        assertThat(throttle.allow(Channel.WEB, address)).isTrue();
        assertThat(throttle.allow(Channel.WEB, address)).isTrue();
        // 10:11: 90 % of the previous window lies within the last 10 minutes: 2 × 0.9 + 1 > 2.
        now = Instant.parse("2031-03-04T10:11:00Z");
        assertThat(throttle.allow(Channel.WEB, address)).isFalse();
        // 10:16: 40 % of it: 2 × 0.4 + 1 = 1.8 ≤ 2, but not a second one (2.8).
        now = Instant.parse("2031-03-04T10:16:00Z");
        assertThat(throttle.allow(Channel.WEB, address)).isTrue();
        assertThat(throttle.allow(Channel.WEB, address)).isFalse();
    }

    @Test
    void addressesAreStoredAsHashesAndForgottenTwoWindowsLater() {
        var throttle = instance();
        throttle.allow(Channel.WEB, address);
        assertThat(jdbc.sql("SELECT count(*) FROM reports_intake_count WHERE address_hash = ?").param(address)
                .query(Integer.class).single()).isZero();
        var rows = "SELECT count(*) FROM reports_intake_count WHERE window_start = ?";
        var window = java.sql.Timestamp.from(now);
        assertThat(jdbc.sql(rows).param(window).query(Integer.class).single()).isPositive();

        now = now.plus(Duration.ofMinutes(21));
        throttle.forgetPastWindows();
        assertThat(jdbc.sql(rows).param(window).query(Integer.class).single()).isZero();
    }
}
