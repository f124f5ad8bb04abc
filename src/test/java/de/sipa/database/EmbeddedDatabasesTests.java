package de.sipa.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabasesTests {

    @TempDir
    Path directory;

    @Test
    void aDirectoryAnotherSipaHoldsIsRefusedWithWhatToDo() throws Exception {
        // another process holding the lock file as a running SiPa does (a POSIX record lock, as Java's FileLock)
        var holder = new ProcessBuilder("python3", "-c", "import fcntl, sys; f = open(sys.argv[1], 'w'); "
                + "fcntl.lockf(f, fcntl.LOCK_EX); print('locked', flush=True); sys.stdin.read()",
                EmbeddedDatabases.lockFile(directory).toString()).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6))).isEqualTo("locked");
            Files.writeString(directory.resolve("postmaster.pid"), "1\n" + directory + "\n");
            assertThatThrownBy(() -> EmbeddedDatabases.claim(directory)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another SiPa").hasMessageContaining("sipa.database.directory");
            assertThat(directory.resolve("postmaster.pid")).exists();
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aDatabaseWithoutItsPasswordFileIsRefusedWithWhatToDo() throws Exception {
        // What a first start killed between initdb and writing the password leaves behind.
        Files.writeString(directory.resolve("PG_VERSION"), "18\n");

        assertThatThrownBy(() -> EmbeddedDatabases.launch(directory,
                new EmbeddedDatabaseProperties(directory, 0, false, false, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without SiPa's password file")
                .hasMessageContaining("remove the directory and start again");
        assertThat(directory.resolve("PG_VERSION")).as("nothing removed").exists();
    }

    @Test
    void aServerLeftRunningByAKilledSipaIsStoppedAndTheDirectoryTakenOver() throws Exception {
        var data = directory.resolve("left");
        var first = EmbeddedDatabases.launch(data, new EmbeddedDatabaseProperties(data, 0, false, false, false));
        var port = first.postgres().getPort();
        var bin = Path.of(ProcessHandle.of(serverPid(data)).orElseThrow().info().command().orElseThrow()).getParent();
        first.postgres().close();
        // as after a SIGKILL of SiPa: its server runs on (pg_ctl starts it detached, as the library does; as root
        // through unshare, since PostgreSQL refuses to run as root)
        var command = new java.util.ArrayList<String>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", "-p " + port, "-l",
                directory.resolve("left.log").toString(), "-w", "start"));
        var pgCtl = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(pgCtl.waitFor()).as(new String(pgCtl.getInputStream().readAllBytes())).isZero();
        var orphan = ProcessHandle.of(serverPid(data)).orElseThrow();

        EmbeddedDatabases.claim(data);

        assertThat(orphan.isAlive()).isFalse();
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
        var second = EmbeddedDatabases.launch(data, new EmbeddedDatabaseProperties(data, 0, false, false, false));
        try (var connection = second.postgres().getPostgresDatabase().getConnection()) {
            assertThat(connection.isValid(5)).isTrue();
        } finally {
            second.postgres().close();
        }
    }

    @Test
    void aPidFileNamingAnotherProgramIsStale() throws Exception {
        Files.writeString(directory.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + directory + "\n");
        EmbeddedDatabases.claim(directory);
        assertThat(directory.resolve("postmaster.pid")).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    private static long serverPid(Path data) throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
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
