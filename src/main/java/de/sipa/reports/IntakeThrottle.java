package de.sipa.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits how many concerns one address may send in a window, on the public web form and, with a higher limit
 * because portals relay many citizens from one address, on Open311. Counted in PostgreSQL, so the limit holds
 * across all instances behind a load balancer. A sliding window is approximated from two fixed ones (the
 * "sliding window counter"): the previous window's count weighs as much as the share of it that still lies within
 * the last window length. Refused submissions are not counted.
 * <p>
 * The count commits without waiting for its write-ahead log to reach the disk ({@code synchronous_commit = off}
 * for this transaction only): all posts from one address (a portal relays many citizens) update the same row, and
 * its lock lasts until the commit, so waiting for the disk there made every post from that address queue behind the
 * previous one's flush. An operating-system crash may forget the last few counts, which only lets an address send
 * a few more; the report itself is stored in its own, durable transaction.
 */
@Component
public class IntakeThrottle {

    /**
     * Where a submission comes in; each channel is counted apart. The public forms (concerns, volunteers' sign-ups)
     * share the web limit, Open311 has its own.
     */
    public enum Channel {
        WEB, OPEN311, VOLUNTEER
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int webLimit;
    private final int open311Limit;
    private final Duration window;

    IntakeThrottle(JdbcClient jdbc, Clock clock, @Value("${sipa.reports.intake-limit:10}") int webLimit,
            @Value("${sipa.reports.open311-intake-limit:600}") int open311Limit,
            @Value("${sipa.reports.intake-window:PT10M}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.webLimit = webLimit;
        this.open311Limit = open311Limit;
        this.window = window;
    }

    /** Counts a submission from the address; false if the address has sent too many on that channel. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean allow(Channel channel, String address) {
        return count(channel.name(), channel == Channel.OPEN311 ? open311Limit : webLimit, address);
    }

    /**
     * Counts a submission on another public form (e.g. a citizen survey) with that form's own limit in the same
     * window; false if the address has sent too many there.
     *
     * @param channel the form's name, up to 10 characters, not one of {@link Channel}'s
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean allow(String channel, int limit, String address) {
        if (channel.length() > 10 || Arrays.stream(Channel.values()).anyMatch(c -> c.name().equals(channel))) {
            throw new IllegalArgumentException("Channel " + channel + " is too long or taken");
        }
        return count(channel, limit, address);
    }

    private boolean count(String channel, int limit, String address) {
        var now = clock.instant();
        long length = window.toMillis();
        var current = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
        var previous = current.minus(window);
        double previousWeight = 1.0 - (double) Duration.between(current, now).toMillis() / length;
        jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
        // One statement: the insert or the increment happens only while the weighted count stays below the limit.
        return jdbc.sql("""
                WITH earlier AS (
                    SELECT coalesce(max(submissions), 0) * :weight AS weighted FROM reports_intake_count
                    WHERE channel = :channel AND address_hash = :address AND window_start = :previous)
                INSERT INTO reports_intake_count AS c (channel, address_hash, window_start, submissions)
                SELECT :channel, :address, :current, 1 FROM earlier WHERE weighted + 1 <= :limit
                ON CONFLICT (channel, address_hash, window_start) DO UPDATE SET submissions = c.submissions + 1
                    WHERE c.submissions + 1 + (SELECT weighted FROM earlier) <= :limit
                RETURNING submissions""")
                .param("weight", previousWeight).param("channel", channel).param("address", hash(address))
                .param("previous", Timestamp.from(previous)).param("current", Timestamp.from(current))
                .param("limit", limit)
                .query(Integer.class).optional().isPresent();
    }

    @Scheduled(fixedDelayString = "PT10M")
    @SchedulerLock(name = "reports.forget-intake-counts", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void forgetPastWindows() {
        jdbc.sql("DELETE FROM reports_intake_count WHERE window_start < ?")
                .param(Timestamp.from(clock.instant().minus(window.multipliedBy(2)))).update();
    }

    /** The address is needed only to tell senders apart: it is not stored as it came. */
    private static String hash(String address) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
