package de.sipa.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing with progressive delays instead of a lockout: after
 * {@value #FREE_FAILURES_PER_USERNAME} failures for a user name the next attempt has to wait 2 s, then 4 s, 8 s …
 * (at most {@code sipa.security.login-delay-cap}) after the last failure; a success starts over. One address gets
 * {@value #FREE_FAILURES_PER_ADDRESS} failures before it waits likewise, but never more than
 * {@link #ADDRESS_DELAY_CAP}, so the users behind one proxy are slowed down, never locked out. Attempts refused
 * while waiting are not counted. Counted in the database, so all instances agree.
 */
@Component
@Transactional
class LoginThrottle {

    static final int FREE_FAILURES_PER_USERNAME = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration ADDRESS_DELAY_CAP = Duration.ofMinutes(1);
    /** Failures older than this are forgotten. */
    static final Duration WINDOW = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration usernameDelayCap;

    LoginThrottle(JdbcClient jdbc, Clock clock, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.usernameDelayCap = settings.loginDelayCap();
    }

    /** How long the next attempt for this user name from this address still has to wait, if at all. */
    @Transactional(readOnly = true)
    Optional<Duration> waitBefore(String username, String remoteAddress) {
        var now = clock.instant();
        var since = Timestamp.from(now.minus(WINDOW));
        var byUsername = jdbc.sql("""
                SELECT count(*) AS failures, max(failed_at) AS last FROM identity_login_failure
                WHERE lower(username) = lower(?) AND failed_at > ?""")
                .params(normalise(username), since).query(Failures.ROW).single();
        var byAddress = jdbc.sql("""
                SELECT count(*) AS failures, max(failed_at) AS last FROM identity_login_failure
                WHERE remote_address = ? AND failed_at > ?""")
                .params(normaliseAddress(remoteAddress), since).query(Failures.ROW).single();
        var until = later(byUsername.allowedFrom(FREE_FAILURES_PER_USERNAME, usernameDelayCap),
                byAddress.allowedFrom(FREE_FAILURES_PER_ADDRESS, ADDRESS_DELAY_CAP));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** The delay after the given number of failures: none up to {@code free}, then 2 s, 4 s, 8 s … up to the cap. */
    static Duration delayAfter(long failures, int free, Duration cap) {
        if (failures < free) {
            return Duration.ZERO;
        }
        long exponent = Math.min(failures - free + 1, 30);
        var delay = Duration.ofSeconds(1L << exponent);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    void recordFailure(String username, String remoteAddress) {
        jdbc.sql("INSERT INTO identity_login_failure (username, remote_address, failed_at) VALUES (?, ?, ?)")
                .params(normalise(username), normaliseAddress(remoteAddress), Timestamp.from(clock.instant())).update();
    }

    void recordSuccess(String username) {
        jdbc.sql("DELETE FROM identity_login_failure WHERE lower(username) = lower(?)").param(username).update();
    }

    @Scheduled(fixedDelayString = "PT1H")
    @SchedulerLock(name = "identity.forget-login-failures", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void forgetOldFailures() {
        jdbc.sql("DELETE FROM identity_login_failure WHERE failed_at < ?")
                .param(Timestamp.from(clock.instant().minus(WINDOW))).update();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String normalise(String username) {
        var value = username == null ? "" : username.strip();
        return value.length() > 100 ? value.substring(0, 100) : value;
    }

    private static String normaliseAddress(String address) {
        var value = address == null ? "" : address;
        return value.length() > 64 ? value.substring(0, 64) : value;
    }

    private record Failures(long count, Instant last) {

        static final org.springframework.jdbc.core.RowMapper<Failures> ROW = (rs, n) -> new Failures(
                rs.getLong("failures"), rs.getTimestamp("last") == null ? null : rs.getTimestamp("last").toInstant());

        Instant allowedFrom(int free, Duration cap) {
            return last == null ? Instant.MIN : last.plus(delayAfter(count, free, cap));
        }
    }
}
