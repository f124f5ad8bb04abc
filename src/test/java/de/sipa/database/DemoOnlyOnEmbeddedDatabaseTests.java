package de.sipa.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.SipaApplication;
import de.sipa.SipaIntegrationTest;

/**
 * The demo city loads by default only into SiPa's own embedded PostgreSQL. Started against an external database
 * (here: a fresh database on the tests' PostgreSQL, named by spring.datasource.url) without a profile, SiPa has no
 * demo partnership and no demo accounts; named explicitly, the demo profile loads there too.
 */
@SipaIntegrationTest
class DemoOnlyOnEmbeddedDatabaseTests {

    /** As the owner, who may create databases (the app's role may not). */
    @Autowired
    @FlywayDataSource
    DataSource testDatabase;

    @Test
    void withoutAProfileAnExternalDatabaseGetsNoDemoUnlessTheDemoIsNamed() {
        var url = freshDatabase();
        try (var sipa = start(url, password())) {
            assertThat(sipa.getEnvironment().acceptsProfiles(Profiles.of("demo"))).isFalse();
            var jdbc = JdbcClient.create(sipa.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                    .as("migrated").isPositive();
            assertThat(jdbc.sql("SELECT count(*) FROM partners_partnership").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM identity_account").query(Long.class).single()).isZero();
        }
        // The same database, started again with the demo named explicitly: now it loads.
        try (var sipa = start(url, password(), "--spring.profiles.active=demo")) {
            var jdbc = JdbcClient.create(sipa.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT federal_state FROM partners_partnership WHERE slug = 'musterstadt'")
                    .query(String.class).optional()).contains("BW");
            assertThat(jdbc.sql("SELECT username FROM identity_account").query(String.class).list())
                    .contains("admin", "koordination", "polizei");
        }
    }

    @Test
    void theDemoIsTheDefaultProfileOnlyWithoutADataSourceUrlAndWithoutAnotherDefault() {
        assertThat(defaultProfilesAfter(Map.of())).containsExactly("demo");
        assertThat(defaultProfilesAfter(Map.of("spring.datasource.url", "jdbc:postgresql://db.example/sipa")))
                .containsExactly("default");
        assertThat(defaultProfilesAfter(Map.of("spring.profiles.default", "other"))).containsExactly("other");
    }

    private static String[] defaultProfilesAfter(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
        new DemoOnlyOnEmbeddedDatabase().postProcessEnvironment(environment, new SpringApplication());
        return environment.getDefaultProfiles();
    }

    /** The tests' PostgreSQL, like SiPa's embedded one, lets in only who knows its password. */
    private String password() {
        try {
            return "--spring.datasource.password=" + testDatabase.unwrap(PGSimpleDataSource.class).getPassword();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new, empty database on the tests' PostgreSQL: to SiPa an external one. */
    private String freshDatabase() {
        var name = "sipa_external_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var jdbc = JdbcClient.create(testDatabase);
        jdbc.sql("CREATE DATABASE " + name).update();
        var port = jdbc.sql("SELECT current_setting('port')").query(String.class).single();
        return "jdbc:postgresql://localhost:" + port + "/" + name;
    }

    private static ConfigurableApplicationContext start(String url, String... arguments) {
        var common = new String[] {"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
            "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
            "--logging.level.de.sipa=WARN"};
        var all = new String[common.length + arguments.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(arguments, 0, all, common.length, arguments.length);
        return new SpringApplicationBuilder(SipaApplication.class).run(all);
    }
}
