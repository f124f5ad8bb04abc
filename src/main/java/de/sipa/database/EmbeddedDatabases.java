package de.sipa.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabases.class);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();

    private EmbeddedDatabases() {
    }

    static synchronized EmbeddedPostgres start(EmbeddedDatabaseProperties properties) {
        var directory = properties.directory().toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(directory, dir -> launch(dir, properties));
    }

    private static EmbeddedPostgres launch(Path directory, EmbeddedDatabaseProperties properties) {
        try {
            Files.createDirectories(directory);
            claim(directory);
            log.info("Starting embedded PostgreSQL with data in {}{}", directory,
                    properties.durable() ? "" : " (not durable: fsync off, for tests)");
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(properties.clean())
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
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
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start in " + directory, e);
        }
    }

    private static void stop(Path directory, EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Embedded PostgreSQL in {} did not stop cleanly", directory, e);
        }
    }

    /** A killed JVM leaves postmaster.pid behind; PostgreSQL then refuses to start on the same directory. */
    /**
     * Removes the pid file of a PostgreSQL that is gone (the machine or SiPa was stopped hard). A running one is
     * refused at once with what to do, instead of a connection timeout: it is another SiPa on the same directory,
     * or a server left behind when SiPa was killed.
     */
    static void claim(Path directory) throws IOException {
        var pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile);
        var pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        var alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (alive) {
            throw new IllegalStateException("The data directory " + directory + " is in use by PostgreSQL process "
                    + pid + ": another SiPa runs on it, or a server was left behind when SiPa was killed. Stop that "
                    + "SiPa, or end the process (kill " + pid + "), then start again; or choose another directory "
                    + "with sipa.database.directory.");
        }
        log.warn("Removing stale {} left by a PostgreSQL that is no longer running", pidFile);
        Files.delete(pidFile);
    }
}
