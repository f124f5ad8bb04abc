package de.sipa.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits how many concerns one address may send in a window, on the public web form and, with a higher limit
 * because portals relay many citizens from one address, on Open311. Counted per instance: behind a load balancer
 * with n instances an address gets at most n times the limit, which still stops floods.
 */
@Component
public class IntakeThrottle {

    /** Where a concern comes in; each channel has its own limit. */
    public enum Channel {
        WEB, OPEN311
    }

    private final Clock clock;
    private final int webLimit;
    private final int open311Limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    IntakeThrottle(Clock clock, @Value("${sipa.reports.intake-limit:10}") int webLimit,
            @Value("${sipa.reports.open311-intake-limit:600}") int open311Limit,
            @Value("${sipa.reports.intake-window:PT10M}") Duration window) {
        this.clock = clock;
        this.webLimit = webLimit;
        this.open311Limit = open311Limit;
        this.window = window;
    }

    /** Counts a submission from the address; false if the address has sent too many on that channel. */
    public boolean allow(Channel channel, String address) {
        var now = clock.instant();
        int limit = channel == Channel.WEB ? webLimit : open311Limit;
        var times = recent.computeIfAbsent(channel + " " + address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    // No @SchedulerLock: the counters live in this instance's memory, every instance tidies its own.
    @Scheduled(fixedDelayString = "PT10M")
    void forgetQuietAddresses() {
        var cutOff = clock.instant().minus(window);
        recent.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(cutOff);
            }
        });
    }
}
