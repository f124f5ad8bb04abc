package de.sipa.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedDatabaseInProductionTests {

    @TempDir
    Path directory;

    @Test
    void theProductionProfileRefusesTheEmbeddedDatabaseUnlessItIsAllowed() {
        var environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        var properties = new EmbeddedDatabaseProperties(directory, 0, true, true, false);
        assertThatThrownBy(() -> new EmbeddedPostgresConfiguration().dataSource(properties, environment))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SPRING_DATASOURCE_URL")
                .hasMessageContaining("SIPA_DATABASE_EMBEDDEDINPRODUCTION=true");
    }
}
