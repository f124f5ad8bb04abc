package de.sipa.database;

import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * Counts the scheduled jobs' runs for monitoring: {@code sipa.jobs.runs} (a timer per job, from taking its lock to
 * releasing it) on the instance that ran the job, {@code sipa.jobs.skipped} on an instance that found the lock taken.
 * Summed over the instances, the runs are the job's real runs: Spring's own {@code tasks.scheduled.execution} counts
 * every instance's attempt (and, by its outcome, the failures).
 */
record CountedLocks(LockProvider locks, MeterRegistry registry) implements LockProvider {

    @Override
    public Optional<SimpleLock> lock(LockConfiguration configuration) {
        var lock = locks.lock(configuration);
        var job = configuration.getName();
        if (lock.isEmpty()) {
            Counter.builder("sipa.jobs.skipped").description("Job runs left to another instance that held the lock")
                    .tag("job", job).register(registry).increment();
            return lock;
        }
        var run = Timer.start(registry);
        return Optional.of(new Counted(lock.get(), () -> run.stop(Timer.builder("sipa.jobs.runs")
                .description("Scheduled job runs on this instance, from taking the lock to releasing it")
                .tag("job", job).register(registry))));
    }

    /** The lock of one run; the run is counted when the lock is released. */
    private record Counted(SimpleLock lock, Runnable whenReleased) implements SimpleLock {

        @Override
        public void unlock() {
            try {
                lock.unlock();
            } finally {
                whenReleased.run();
            }
        }

        @Override
        public Optional<SimpleLock> extend(Duration lockAtMostFor, Duration lockAtLeastFor) {
            return lock.extend(lockAtMostFor, lockAtLeastFor).map(extended -> new Counted(extended, whenReleased));
        }
    }
}
