package de.sipa.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts SiPa's own PostgreSQL when no external database is configured, so that a fresh machine needs
 * nothing but a JDK. Setting {@code spring.datasource.url} (e.g. {@code SPRING_DATASOURCE_URL}) turns
 * this off and Spring Boot connects to that database instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedPostgresConfiguration {

    /**
     * How long a request waits for a connection: while the database is down the request answers 503 after this
     * (web.DatabaseUnavailable) instead of after Hikari's 30 s; as spring.datasource.hikari.connection-timeout.
     */
    static final long CONNECTION_TIMEOUT_MILLIS = 10_000;

    /** The app's connections, as the role that row-level security binds. */
    @Bean
    @Primary
    DataSource dataSource(EmbeddedDatabaseProperties properties, Environment environment) {
        var database = started(properties, environment);
        var config = new HikariConfig();
        config.setPoolName("sipa-embedded");
        config.setJdbcUrl(database.postgres().getJdbcUrl(EmbeddedDatabases.APP_ROLE, "postgres"));
        config.setUsername(EmbeddedDatabases.APP_ROLE);
        config.setPassword(database.password());
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        return new HikariDataSource(config);
    }

    /** The migrations run as the owner of the tables, once at start, on a connection of their own. */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedDatabaseProperties properties, Environment environment) {
        var database = started(properties, environment);
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.postgres().getJdbcUrl("postgres", "postgres"));
        dataSource.setUser("postgres");
        dataSource.setPassword(database.password());
        return dataSource;
    }

    private static EmbeddedDatabases.Running started(EmbeddedDatabaseProperties properties, Environment environment) {
        if (environment.matchesProfiles("prod") && !properties.embeddedInProduction()) {
            throw new IllegalStateException("The profile 'prod' runs without SPRING_DATASOURCE_URL, i.e. on SiPa's "
                    + "embedded PostgreSQL in " + properties.directory().toAbsolutePath() + ". Name the external "
                    + "database with SPRING_DATASOURCE_URL, or, for a single server that keeps its data there on "
                    + "purpose, set SIPA_DATABASE_EMBEDDEDINPRODUCTION=true (sipa.database.embedded-in-production).");
        }
        return EmbeddedDatabases.start(properties);
    }

    static class NoExternalDatabase implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
