package de.sipa.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabasesTests {

    @TempDir
    Path directory;

    @Test
    void aDirectoryOfARunningServerIsRefusedWithWhatToDo() throws Exception {
        var pid = ProcessHandle.current().pid();
        Files.writeString(directory.resolve("postmaster.pid"), pid + "\n" + directory + "\n");
        assertThatThrownBy(() -> EmbeddedDatabases.claim(directory)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by PostgreSQL process " + pid).hasMessageContaining("kill " + pid);
        assertThat(directory.resolve("postmaster.pid")).exists();
    }

    @Test
    void thePidFileOfAServerThatIsGoneIsRemoved() throws Exception {
        var gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(directory.resolve("postmaster.pid"), gone.pid() + "\n" + directory + "\n");
        EmbeddedDatabases.claim(directory);
        assertThat(directory.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aDurableServerWritesEveryCommitToDisk() throws Exception {
        var postgres = EmbeddedDatabases.start(new EmbeddedDatabaseProperties(directory.resolve("durable"), 0, true, true, false))
                .postgres();
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            for (var setting : new String[] { "fsync", "synchronous_commit", "full_page_writes" }) {
                try (var result = statement.executeQuery("SHOW " + setting)) {
                    assertThat(result.next()).isTrue();
                    assertThat(result.getString(1)).as(setting).isEqualTo("on");
                }
            }
        } finally {
            postgres.close();
        }
    }

    @Test
    void onlyAConnectionThatKnowsThePasswordGetsInAndTheNextStartKeepsIt() throws Exception {
        var data = directory.resolve("secured");
        var first = EmbeddedDatabases.launch(data, new EmbeddedDatabaseProperties(data, 0, false, false, false));
        var url = first.postgres().getJdbcUrl("postgres", "postgres");
        try {
            assertThat(Files.getPosixFilePermissions(data.resolve(EmbeddedDatabases.PASSWORD_FILE)))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            assertThat(Files.readString(data.resolve(EmbeddedDatabases.PASSWORD_FILE)).strip())
                    .isEqualTo(first.password()).hasSize(48);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            try (var connection = DriverManager.getConnection(url, "postgres", first.password())) {
                assertThat(connection.isValid(5)).isTrue();
            }
        } finally {
            first.postgres().close();
        }
        var second = EmbeddedDatabases.launch(data, new EmbeddedDatabaseProperties(data, 0, false, false, false));
        try (var connection = second.postgres().getPostgresDatabase().getConnection()) {
            assertThat(second.password()).isEqualTo(first.password());
            assertThat(connection.isValid(5)).isTrue();
        } finally {
            second.postgres().close();
        }
    }
}
