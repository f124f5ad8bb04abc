package de.sipa.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/backup} and {@code bin/restore}: SiPa's jar run as a command, without starting the application.
 * The database is the one SiPa would use: {@code SPRING_DATASOURCE_URL} (with {@code SPRING_DATASOURCE_USERNAME},
 * {@code SPRING_DATASOURCE_PASSWORD}) if set, otherwise the embedded PostgreSQL in {@code SIPA_DATABASE_DIRECTORY} or
 * {@code $SIPA_DATA_DIR/postgres} (default {@code data/postgres}): the running one, or started for the command.
 *
 * <pre>
 * backup [--to DIR] [--file PATH]...      writes DIR/sipa-backup-YYYYMMDD-HHMMSS.zip (DIR defaults to backups)
 * restore ARCHIVE [--force] [--files-to DIR]
 * </pre>
 *
 * Exit status 0 on success, 2 when the restore refused a database that is not empty (or in use), 1 on any error.
 */
public final class BackupCommand {

    static final int REFUSED = 2;

    private BackupCommand() {
    }

    public static void main(String[] args) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int status;
        try {
            status = run(args, System.getenv());
        } catch (Exception e) {
            System.err.println("Failed: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    static int run(String[] args, Map<String, String> env) throws Exception {
        if (args.length == 0) {
            return usage();
        }
        var options = new ArrayList<>(List.of(args));
        var command = options.remove(0);
        return switch (command) {
            case "backup" -> backup(options, env);
            case "restore" -> restore(options, env);
            default -> usage();
        };
    }

    private static int backup(List<String> options, Map<String, String> env) throws Exception {
        var to = Path.of("backups");
        var files = new ArrayList<Path>();
        for (var i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "--to" -> to = Path.of(options.get(++i));
                case "--file" -> files.add(requireExisting(Path.of(options.get(++i))));
                default -> {
                    return usage();
                }
            }
        }
        Files.createDirectories(to);
        var archive = to.resolve("sipa-backup-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss")) + ".zip");
        DatabaseArchive.Summary summary;
        try (var database = Target.of(env, false); var connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            summary = DatabaseArchive.write(connection, archive, files);
            connection.commit();
        }
        System.out.printf("Backup written to %s%n  schema version %s, %d tables, %d rows, %d files%n", archive, summary.flywayVersion(), summary.rows().size(), summary.totalRows(),
                files.size());
        return 0;
    }

    private static int restore(List<String> options, Map<String, String> env) throws Exception {
        Path archive = null;
        Path filesTo = null;
        var force = false;
        for (var i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "--force" -> force = true;
                case "--files-to" -> filesTo = Path.of(options.get(++i));
                default -> {
                    if (archive != null || options.get(i).startsWith("--")) {
                        return usage();
                    }
                    archive = requireExisting(Path.of(options.get(i)));
                }
            }
        }
        if (archive == null) {
            return usage();
        }
        var manifest = DatabaseArchive.verify(archive);
        System.out.printf("%s: checksums correct, schema version %s, made %s%n", archive,
                manifest.getProperty("flyway.version"), manifest.getProperty("created"));
        try (var database = Target.of(env, true)) {
            if (database == null) {
                return REFUSED;
            }
            try (var connection = database.dataSource().getConnection()) {
                if (!DatabaseArchive.isEmpty(connection)) {
                    if (!force) {
                        System.err.println("Refused: " + database.description() + " is not empty. Restore into an "
                                + "empty database, or give --force to drop everything in its schema public first.");
                        return REFUSED;
                    }
                    System.out.println("--force: dropping everything in the schema public of " + database.description());
                    DatabaseArchive.wipe(connection);
                }
            }
            var summary = DatabaseArchive.restore(archive, database.dataSource());
            System.out.printf("Restored into %s: schema version %s, %d tables, %d rows%n", database.description(),
                    summary.flywayVersion(), summary.rows().size(), summary.totalRows());
        }
        var target = filesTo != null ? filesTo
                : archive.resolveSibling(archive.getFileName().toString().replaceFirst("\\.zip$", "") + "-files");
        var extracted = DatabaseArchive.extractFiles(archive, target);
        if (!extracted.isEmpty()) {
            System.out.printf("%d files from outside the database extracted to %s: put them back in place%n",
                    extracted.size(), target);
        }
        System.out.println("Start SiPa on it as before; Flyway migrates it further if this SiPa is newer.");
        return 0;
    }

    /**
     * The database SiPa would use, as the environment names it; closing it stops an embedded server that was
     * started for the command.
     */
    private record Target(DataSource dataSource, String description, AutoCloseable started) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            if (started != null) {
                started.close();
            }
        }

        /** {@code null} after a message when the embedded database is in use by a running SiPa (restore only). */
        static Target of(Map<String, String> env, boolean restore) throws Exception {
            var url = env.get("SPRING_DATASOURCE_URL");
            if (url != null && !url.isBlank()) {
                var dataSource = new PGSimpleDataSource();
                dataSource.setURL(url);
                // The owner of the tables (the migrations' user, where one is set) sees every partnership's rows;
                // the app's role sees none outside a request (row-level security).
                var owner = env.get("SPRING_FLYWAY_USER") != null && !env.get("SPRING_FLYWAY_USER").isBlank();
                dataSource.setUser(env.getOrDefault(owner ? "SPRING_FLYWAY_USER" : "SPRING_DATASOURCE_USERNAME", ""));
                dataSource.setPassword(env.getOrDefault(owner ? "SPRING_FLYWAY_PASSWORD" : "SPRING_DATASOURCE_PASSWORD",
                        ""));
                return new Target(dataSource, url.replaceFirst("\\?.*", ""), null);
            }
            var directory = embeddedDirectory(env);
            if (!restore && !Files.exists(directory.resolve("PG_VERSION"))) {
                throw new IllegalArgumentException("No SiPa database in " + directory + ": set SIPA_DATA_DIR (the "
                        + "database is in its subdirectory postgres) or SPRING_DATASOURCE_URL");
            }
            var running = runningPort(directory);
            String jdbcUrl;
            String password;
            AutoCloseable started = null;
            if (running > 0) {
                if (restore) {
                    System.err.println("Refused: a PostgreSQL runs on " + directory + " (SiPa is running). Stop SiPa, "
                            + "then restore.");
                    return null;
                }
                jdbcUrl = "jdbc:postgresql://localhost:" + running + "/postgres";
                password = Files.readString(directory.resolve(EmbeddedDatabases.PASSWORD_FILE)).strip();
            } else {
                // Started for this command and stopped when it ends.
                var launched = EmbeddedDatabases.launch(directory,
                        new EmbeddedDatabaseProperties(directory, 0, false, true, false));
                jdbcUrl = launched.postgres().getJdbcUrl("postgres", "postgres");
                password = launched.password();
                started = launched.postgres();
            }
            var dataSource = new PGSimpleDataSource();
            dataSource.setURL(jdbcUrl);
            dataSource.setUser("postgres");
            dataSource.setPassword(password);
            return new Target(dataSource, "the embedded PostgreSQL in " + directory, started);
        }
    }

    static Path embeddedDirectory(Map<String, String> env) {
        var explicit = env.get("SIPA_DATABASE_DIRECTORY");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        return Path.of(env.getOrDefault("SIPA_DATA_DIR", "data"), "postgres").toAbsolutePath().normalize();
    }

    /** The port of a live PostgreSQL on the directory (from its postmaster.pid), or 0. */
    private static int runningPort(Path directory) throws Exception {
        var pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return 0;
        }
        var lines = Files.readAllLines(pidFile);
        var pid = Long.parseLong(lines.get(0).trim());
        var alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive && lines.size() > 3 ? Integer.parseInt(lines.get(3).trim()) : 0;
    }

    private static Path requireExisting(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + " does not exist");
        }
        return path;
    }

    private static int usage() {
        System.err.println("""
                Usage: bin/backup [--to DIR] [--file PATH]...
                       bin/restore ARCHIVE [--force] [--files-to DIR]
                The database is SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD if set, else the embedded one in
                SIPA_DATABASE_DIRECTORY or $SIPA_DATA_DIR/postgres (default data/postgres).""");
        return 1;
    }
}
