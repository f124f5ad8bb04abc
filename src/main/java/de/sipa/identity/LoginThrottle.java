package de.sipa.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: after too many failures for one user name, or from one address, within the
 * window, further attempts are refused until the window has passed. Counted in the database, so all
 * instances agree.
 */
@Component
@Transactional
class LoginThrottle {

    static final int MAX_FAILURES_PER_USERNAME = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    boolean isBlocked(String username, String remoteAddress) {
        var since = Timestamp.from(clock.instant().minus(WINDOW));
        long byUsername = jdbc.sql("SELECT count(*) FROM identity_login_failure WHERE lower(username) = lower(?) AND failed_at > ?")
                .params(normalise(username), since).query(Long.class).single();
        long byAddress = jdbc.sql("SELECT count(*) FROM identity_login_failure WHERE remote_address = ? AND failed_at > ?")
                .params(remoteAddress, since).query(Long.class).single();
        return byUsername >= MAX_FAILURES_PER_USERNAME || byAddress >= MAX_FAILURES_PER_ADDRESS;
    }

    void recordFailure(String username, String remoteAddress) {
        jdbc.sql("INSERT INTO identity_login_failure (username, remote_address, failed_at) VALUES (?, ?, ?)")
                .params(normalise(username), remoteAddress, Timestamp.from(clock.instant())).update();
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

    private static String normalise(String username) {
        var value = username == null ? "" : username.strip();
        return value.length() > 100 ? value.substring(0, 100) : value;
    }
}
