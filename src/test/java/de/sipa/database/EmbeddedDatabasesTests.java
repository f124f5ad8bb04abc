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
}
