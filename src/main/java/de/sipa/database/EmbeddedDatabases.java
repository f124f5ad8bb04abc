package de.sipa.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * One embedded PostgreSQL per data directory and JVM. Test suites build several application contexts;
 * they all share the server started first, which stops when the JVM shuts down, after Spring Boot has closed
 * all application contexts.
 */
final class EmbeddedDatabases {

    /**
     * The password of the database user {@code postgres}, readable by SiPa's operating-system user only. It lives in
     * the data directory, so that it goes wherever the data goes (a copy, a backup), and is made on the first start.
     */
    static final String PASSWORD_FILE = "sipa-password";
    /** The database role the app connects as; it owns nothing and cannot bypass row-level security. */
    static final String APP_ROLE = "sipa_app";
    private static final int LEFT_BEHIND_STOP_SECONDS = 60;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabases.class);
    private static final Map<Path, Running> RUNNING = new HashMap<>();
    private static final Map<Path, FileLock> LOCKS = new HashMap<>();

    /** A started server and the password its user {@code postgres} needs. */
    record Running(EmbeddedPostgres postgres, String password) {
    }

    private EmbeddedDatabases() {
    }

    static synchronized Running start(EmbeddedDatabaseProperties properties) {
        var directory = properties.directory().toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(directory, dir -> launch(dir, properties));
    }

    static Running launch(Path directory, EmbeddedDatabaseProperties properties) {
        try {
            Files.createDirectories(directory);
            claim(directory);
            var passwordFile = directory.resolve(PASSWORD_FILE);
            var database = Files.exists(directory.resolve("PG_VERSION"));
            if (!properties.clean() && database && !Files.exists(passwordFile)) {
                // initdb would refuse the full directory with an exit code alone; say what it is and what to do.
                throw new IllegalStateException("The data directory " + directory + " holds a database without SiPa's "
                        + "password file " + PASSWORD_FILE + ": a first start that was interrupted, or a directory SiPa "
                        + "did not create. If it holds nothing you need, remove the directory and start again; "
                        + "otherwise restore the password file from a backup.");
            }
            // A fresh data directory must be empty for initdb; a clean start wipes it, the old password with it.
            var known = !properties.clean() && database;
            var password = known ? Files.readString(passwordFile).strip() : newPassword();
            log.info("Starting embedded PostgreSQL with data in {}{}", directory,
                    properties.durable() ? "" : " (not durable: fsync off, for tests)");
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(properties.clean())
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setConnectConfig("password", password)
                    .setLocaleConfig("encoding", "UTF8")
                    // The library gives up after 10 s; a first start (initdb) on a busy machine, or two test JVMs
                    // starting their databases at once, can take longer.
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Not the library's own JVM shutdown hook: it runs in parallel with Spring Boot's and could
                    // stop the server while beans still use it on shutdown (the event publication registry then
                    // waited 30 s for a connection). Stopped after the contexts instead, see below.
                    .setRegisterShutdownHook(false);
            // The library starts PostgreSQL with fsync and synchronous_commit off, as suits tests. SiPa's own
            // database is also what a small city runs in production: there a crash must not lose acknowledged data.
            var durable = properties.durable() ? "on" : "off";
            builder.setServerConfig("fsync", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setServerConfig("full_page_writes", durable);
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            var postgres = builder.start();
            SpringApplication.getShutdownHandlers().add(() -> stop(directory, postgres));
            if (!known) {
                requirePassword(postgres, directory, password);
            }
            return new Running(postgres, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start in " + directory, e);
        }
    }

    /**
     * The library's initdb lets every local user connect without a password ("trust"): any process on the machine
     * could read and change all data. Sets a password and lets only connections that know it in, also for a data
     * directory made by an earlier SiPa without one.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path directory, String password) throws IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            // The password is hex from newPassword(): nothing to escape in the literal.
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            // The app connects as sipa_app, which row-level security binds (migration V90); postgres owns the tables
            // and runs the migrations. Both share the one secret SiPa's user can read.
            statement.execute("""
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s; END IF;
                    END $$""".formatted(APP_ROLE));
            statement.execute("ALTER ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + password + "'");
            Files.writeString(directory.resolve("pg_hba.conf"), """
                    # Written by SiPa: every connection needs the password in %s (readable by SiPa's user only).
                    local   all   all                 scram-sha-256
                    host    all   all   127.0.0.1/32  scram-sha-256
                    host    all   all   ::1/128       scram-sha-256
                    """.formatted(PASSWORD_FILE));
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the password of the embedded PostgreSQL in " + directory, e);
        }
        var file = directory.resolve(PASSWORD_FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n");
    }

    private static String newPassword() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void stop(Path directory, EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Embedded PostgreSQL in {} did not stop cleanly", directory, e);
        }
    }

    /**
     * Makes the data directory this SiPa's. Another SiPa running on it holds its {@link #lockFile} (the operating
     * system releases the lock when that JVM ends, also when it is killed): refused at once with what to do, instead
     * of a connection timeout. A PostgreSQL still running on it without its SiPa was left behind when that SiPa was
     * killed: it is shut down, its clients are gone. A pid file whose process is gone (the machine was stopped
     * hard), or whose number now belongs to another program, is removed.
     */
    static void claim(Path directory) throws IOException {
        lock(directory);
        var pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile);
        var pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        var server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(EmbeddedDatabases::isPostgres);
        if (server.isPresent()) {
            stopLeftBehind(server.get(), directory);
        }
        if (Files.deleteIfExists(pidFile)) {
            log.warn("Removed stale {} left by a PostgreSQL that is no longer running", pidFile);
        }
    }

    /** Next to the data directory, which initdb wants empty: {@code postgres} has {@code postgres.lock}. */
    static Path lockFile(Path directory) {
        return directory.resolveSibling(directory.getFileName() + ".lock");
    }

    /** Holds the directory's lock file for as long as this JVM runs (a restart within it keeps the lock). */
    private static synchronized void lock(Path directory) throws IOException {
        if (LOCKS.containsKey(directory)) {
            return;
        }
        var channel = FileChannel.open(lockFile(directory), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        var lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The data directory " + directory + " is in use by another SiPa (it "
                    + "holds " + lockFile(directory) + "). Stop that SiPa, or choose another directory with "
                    + "sipa.database.directory.");
        }
        LOCKS.put(directory, lock);
    }

    /** SIGTERM is PostgreSQL's smart shutdown: it ends once its sessions have, and the killed SiPa's have. */
    private static void stopLeftBehind(ProcessHandle server, Path directory) {
        log.warn("Stopping PostgreSQL process {} in {}, left running when the SiPa that started it ended without "
                + "stopping it", server.pid(), directory);
        server.destroy();
        try {
            server.onExit().get(LEFT_BEHIND_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL process " + server.pid() + " in " + directory + " was left "
                    + "running by an earlier SiPa and did not stop within " + LEFT_BEHIND_STOP_SECONDS + " s; end it "
                    + "(kill " + server.pid() + ") and start again.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL process " + server.pid(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for PostgreSQL process " + server.pid(), e);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
    }
}
