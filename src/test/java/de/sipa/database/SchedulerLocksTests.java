package de.sipa.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ReflectionUtils;

import de.sipa.SipaIntegrationTest;

/** The lock in PostgreSQL lets one of two instances run a job; the other skips it; every job takes it. */
@SipaIntegrationTest
class SchedulerLocksTests {

    @Autowired
    LockProvider locks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    @Autowired
    ApplicationContext context;

    /** Jobs that keep an instance's own memory up to date: every instance must run them. */
    private static final Set<String> PER_INSTANCE = Set.of("MatrixLookup.dropWhatChangedElsewhere",
            "ReportMetrics.countQueues");

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

    @Test
    void everyScheduledJobTakesTheLockUnlessItOnlyTidiesItsOwnInstance() {
        var jobs = new ArrayList<String>();
        var unlocked = new ArrayList<String>();
        for (var name : context.getBeanDefinitionNames()) {
            var type = AopUtils.getTargetClass(context.getBean(name));
            if (!type.getPackageName().startsWith("de.sipa")) {
                continue;
            }
            ReflectionUtils.doWithMethods(type, method -> {
                var job = type.getSimpleName() + "." + method.getName();
                jobs.add(job);
                if (method.getAnnotation(SchedulerLock.class) == null && !PER_INSTANCE.contains(job)) {
                    unlocked.add(job);
                }
            }, (Method method) -> method.isAnnotationPresent(Scheduled.class));
        }
        assertThat(jobs).contains("ReportJobs.escalateOverdue", "MailDelivery.deliverScheduled")
                .containsAll(PER_INSTANCE);
        assertThat(unlocked).as("scheduled jobs without @SchedulerLock").isEmpty();
    }

    @Test
    void aRunIsCountedOnTheInstanceThatRanItAndASkippedRunOnTheOther() {
        var job = "test.counted-" + System.nanoTime();
        var lock = new LockConfiguration(Instant.now(), job, Duration.ofMinutes(1), Duration.ofMinutes(1));
        var instanceA = new DefaultLockingTaskExecutor(locks);
        var instanceB = new DefaultLockingTaskExecutor(locks);
        var runs = new AtomicInteger();

        instanceA.executeWithLock((Runnable) runs::incrementAndGet, lock);
        // Held for lockAtLeastFor after the run: the other instance skips it.
        instanceB.executeWithLock((Runnable) runs::incrementAndGet, lock);

        assertThat(runs).hasValue(1);
        assertThat(registry.get("sipa.jobs.runs").tag("job", job).timer().count()).isEqualTo(1);
        assertThat(registry.get("sipa.jobs.skipped").tag("job", job).counter().count()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
