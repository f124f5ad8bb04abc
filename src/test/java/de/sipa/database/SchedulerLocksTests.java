package de.sipa.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.SipaIntegrationTest;

/** The lock in PostgreSQL lets one of two instances run a job; the other skips it. */
@SipaIntegrationTest
class SchedulerLocksTests {

    @Autowired
    LockProvider locks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ofTwoInstancesStartingTheSameJobTogetherOnlyOneRunsIt() throws Exception {
        // Two executors over the same table stand for two instances.
        var instanceA = new DefaultLockingTaskExecutor(locks);
        var instanceB = new DefaultLockingTaskExecutor(locks);
        var lock = new LockConfiguration(Instant.now(), "test.job-" + System.nanoTime(), Duration.ofMinutes(1),
                Duration.ZERO);
        var runs = new AtomicInteger();
        var running = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> instanceA.executeWithLock((Runnable) () -> {
                runs.incrementAndGet();
                running.countDown();
                await(release);
            }, lock));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            var second = pool.submit(() -> instanceB.executeWithLock((Runnable) runs::incrementAndGet, lock));
            second.get(10, TimeUnit.SECONDS);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs).hasValue(1);
        assertThat(jdbc.sql("SELECT count(*) FROM " + SchedulerLocks.TABLE + " WHERE name = ?")
                .param(lock.getName()).query(Long.class).single()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
