package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import de.sipa.reports.IntakeThrottle.Channel;

class IntakeThrottleTests {

    private Instant now = Instant.parse("2026-11-22T10:00:00Z");

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

    @Test
    void eachChannelHasItsOwnLimitPerAddressWithinTheWindow() {
        var throttle = new IntakeThrottle(clock, 2, 3, Duration.ofMinutes(10));
        assertThat(throttle.allow(Channel.WEB, "192.0.2.1")).isTrue();
        assertThat(throttle.allow(Channel.WEB, "192.0.2.1")).isTrue();
        assertThat(throttle.allow(Channel.WEB, "192.0.2.1")).isFalse();
        assertThat(throttle.allow(Channel.WEB, "192.0.2.2")).as("another address").isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allow(Channel.OPEN311, "192.0.2.1")).as("Open311 counts apart").isTrue();
        }
        assertThat(throttle.allow(Channel.OPEN311, "192.0.2.1")).isFalse();

        now = now.plus(Duration.ofMinutes(10)).plusSeconds(1);
        assertThat(throttle.allow(Channel.WEB, "192.0.2.1")).as("after the window").isTrue();
    }
}
