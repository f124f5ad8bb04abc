package de.sipa.database;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs that change shared data (escalation, reminders, retention, mail delivery) run on one instance at
 * a time: each takes a lock row in PostgreSQL ({@code @SchedulerLock}); an instance that finds it taken skips the
 * run. The database's clock decides when a lock expires, so instances with skewed clocks agree. Jobs that only
 * tidy an instance's own memory (caches, the intake counter) stay unlocked: every instance must run them. Runs and
 * skipped runs are counted for monitoring ({@link CountedLocks}).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulerLocks {

    static final String TABLE = "database_shedlock";

    @Bean
    LockProvider lockProvider(DataSource dataSource, MeterRegistry registry) {
        return new CountedLocks(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName(TABLE)
                .usingDbTime()
                .build()), registry);
    }
}
