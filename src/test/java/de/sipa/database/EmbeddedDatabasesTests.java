package de.sipa.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

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
        var postgres = EmbeddedDatabases.start(new EmbeddedDatabaseProperties(directory.resolve("durable"), 0, true, true));
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
}
