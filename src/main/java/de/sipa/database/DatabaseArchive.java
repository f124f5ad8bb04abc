package de.sipa.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * SiPa's backup archive: one zip with every table of the schema {@code public} as PostgreSQL {@code COPY} text, the
 * sequences, files from outside the database, and a manifest with the Flyway version, row counts and SHA-256
 * checksums. The data is read in one snapshot. A restore checks every checksum first, then builds the schema with
 * SiPa's own Flyway migrations up to the archive's version into an empty database and loads the rows, so it needs
 * neither {@code pg_dump} nor a client of the server's version, only this jar (or a newer one).
 */
final class DatabaseArchive {

    static final String FORMAT = "sipa-backup-1";
    static final String MANIFEST = "manifest.properties";
    private static final String TABLES = "database/";
    private static final String FILES = "files/";

    private DatabaseArchive() {
    }

    /** What an archive holds: the Flyway version and the rows per table. */
    record Summary(String flywayVersion, Map<String, Long> rows) {

        long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Writes the archive. The caller opens the transaction (REPEATABLE READ, so all tables come from one snapshot).
     * {@code files} are added below {@code files/} under their own file name (directories with their content).
     */
    static Summary write(Connection connection, Path archive, List<Path> files) throws SQLException, IOException {
        var manifest = new TreeMap<String, String>();
        manifest.put("format", FORMAT);
        manifest.put("created", Instant.now().toString());
        var version = flywayVersion(connection);
        manifest.put("flyway.version", version);
        manifest.put("postgres.version", single(connection, "SELECT current_setting('server_version')"));
        var rows = new LinkedHashMap<String, Long>();
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (var zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (var table : tables(connection)) {
                var columns = columns(connection, table);
                zip.putNextEntry(new ZipEntry(TABLES + table + ".copy"));
                var counting = new Digesting(zip);
                var count = copy.copyOut("COPY " + quote(table) + " (" + quoteAll(columns) + ") TO STDOUT", counting);
                zip.closeEntry();
                rows.put(table, count);
                manifest.put("table." + table + ".columns", String.join(",", columns));
                manifest.put("table." + table + ".rows", Long.toString(count));
                manifest.put("table." + table + ".sha256", counting.hex());
            }
            for (var sequence : sequences(connection)) {
                manifest.put("sequence." + sequence.getKey(), sequence.getValue());
            }
            for (var file : files) {
                addFiles(zip, file, FILES + file.getFileName(), manifest);
            }
            var bytes = manifestBytes(manifest);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(bytes);
            zip.closeEntry();
        }
        return new Summary(version, rows);
    }

    /** The manifest of an archive, after checking every entry against its checksum. */
    static Properties verify(Path archive) throws IOException {
        try (var zip = new ZipFile(archive.toFile())) {
            var manifest = manifest(zip);
            if (!FORMAT.equals(manifest.getProperty("format"))) {
                throw new IllegalArgumentException(archive + " is no SiPa backup (format " + manifest.getProperty("format") + ")");
            }
            for (var key : manifest.stringPropertyNames()) {
                if (!key.endsWith(".sha256")) {
                    continue;
                }
                var entry = entryOf(key);
                var zipEntry = zip.getEntry(entry);
                if (zipEntry == null) {
                    throw new IllegalArgumentException(archive + " lacks " + entry);
                }
                String actual;
                try (var in = new DigestInputStream(zip.getInputStream(zipEntry), sha256())) {
                    in.transferTo(OutputStream.nullOutputStream());
                    actual = HexFormat.of().formatHex(in.getMessageDigest().digest());
                }
                if (!actual.equals(manifest.getProperty(key))) {
                    throw new IllegalArgumentException(entry + " in " + archive + " is damaged (checksum differs)");
                }
            }
            return manifest;
        }
    }

    /** The database has no table in the schema {@code public}: nothing a restore could overwrite. */
    static boolean isEmpty(Connection connection) throws SQLException {
        return "0".equals(single(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    /** Drops everything in the schema {@code public} (restore --force). */
    static void wipe(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
    }

    /**
     * Restores the archive into {@code dataSource}, whose schema {@code public} must be empty: migrates it with
     * Flyway to the archive's version, then loads all rows and sequences in one transaction.
     */
    static Summary restore(Path archive, DataSource dataSource) throws SQLException, IOException {
        var manifest = verify(archive);
        var version = manifest.getProperty("flyway.version");
        try (var connection = dataSource.getConnection()) {
            if (!isEmpty(connection)) {
                throw new IllegalStateException("The target database is not empty");
            }
        }
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version)
                .load();
        var known = Stream.of(flyway.info().all()).anyMatch(m -> m.getVersion() != null
                && m.getVersion().getVersion().equals(version));
        if (!known) {
            throw new IllegalStateException("The backup has schema version " + version
                    + ", which this SiPa does not know: restore it with the SiPa version that made it, or a newer one");
        }
        flyway.migrate();
        var rows = new LinkedHashMap<String, Long>();
        try (var zip = new ZipFile(archive.toFile()); var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            var archived = new TreeMap<String, List<String>>();
            for (var key : manifest.stringPropertyNames()) {
                if (key.startsWith("table.") && key.endsWith(".columns")) {
                    var value = manifest.getProperty(key);
                    archived.put(key.substring(6, key.length() - 8), value.isEmpty() ? List.of() : List.of(value.split(",")));
                }
            }
            var present = new TreeMap<String, Boolean>();
            tables(connection).forEach(t -> present.put(t, true));
            if (!present.keySet().equals(archived.keySet())) {
                throw new IllegalStateException("The tables after migrating to version " + version
                        + " differ from the backup's: " + present.keySet() + " vs. " + archived.keySet());
            }
            var order = loadOrder(connection, archived.keySet());
            var triggers = enabledUserTriggers(connection);
            try (var statement = connection.createStatement()) {
                for (var trigger : triggers) {
                    statement.execute("ALTER TABLE " + quote(trigger[0]) + " DISABLE TRIGGER " + quote(trigger[1]));
                }
                // Rows the migrations put in (reference data, Flyway's history) are replaced by the backup's.
                statement.execute("TRUNCATE " + String.join(", ", order.stream().map(DatabaseArchive::quote).toList()));
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (var table : order) {
                try (var in = zip.getInputStream(zip.getEntry(TABLES + table + ".copy"))) {
                    var count = copy.copyIn("COPY " + quote(table) + " (" + quoteAll(archived.get(table))
                            + ") FROM STDIN", in);
                    var expected = Long.parseLong(manifest.getProperty("table." + table + ".rows"));
                    if (count != expected) {
                        throw new IllegalStateException(table + ": " + count + " rows loaded, " + expected + " in the backup");
                    }
                    rows.put(table, count);
                }
            }
            try (var statement = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                for (var key : manifest.stringPropertyNames()) {
                    if (key.startsWith("sequence.")) {
                        var value = manifest.getProperty(key).split(",");
                        statement.setString(1, quote(key.substring(9)));
                        statement.setLong(2, Long.parseLong(value[0]));
                        statement.setBoolean(3, Boolean.parseBoolean(value[1]));
                        statement.execute();
                    }
                }
            }
            try (var statement = connection.createStatement()) {
                for (var trigger : triggers) {
                    statement.execute("ALTER TABLE " + quote(trigger[0]) + " ENABLE TRIGGER " + quote(trigger[1]));
                }
            }
            connection.commit();
            try (var statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("ANALYZE");
            }
        }
        return new Summary(version, rows);
    }

    /** Tables in an order in which every foreign key points to a table loaded before (self-references aside). */
    private static List<String> loadOrder(Connection connection, Set<String> tables) throws SQLException {
        var references = new TreeMap<String, Set<String>>();
        tables.forEach(t -> references.put(t, new LinkedHashSet<>()));
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("""
                        SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c
                        JOIN pg_namespace n ON n.oid = c.connamespace
                        WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid""")) {
            while (result.next()) {
                references.computeIfAbsent(unquote(result.getString(1)), t -> new LinkedHashSet<>())
                        .add(unquote(result.getString(2)));
            }
        }
        var order = new ArrayList<String>();
        var remaining = new TreeMap<>(references);
        while (!remaining.isEmpty()) {
            var ready = remaining.entrySet().stream().filter(e -> order.containsAll(e.getValue())).map(Map.Entry::getKey)
                    .toList();
            if (ready.isEmpty()) {
                throw new IllegalStateException("Foreign keys form a cycle among " + remaining.keySet());
            }
            order.addAll(ready);
            ready.forEach(remaining::remove);
        }
        return order;
    }

    private static List<String[]> enabledUserTriggers(Connection connection) throws SQLException {
        var triggers = new ArrayList<String[]>();
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("""
                        SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND NOT t.tgisinternal AND t.tgenabled <> 'D'
                        ORDER BY 1, 2""")) {
            while (result.next()) {
                triggers.add(new String[] {result.getString(1), result.getString(2)});
            }
        }
        return triggers;
    }

    static List<String> tables(Connection connection) throws SQLException {
        var tables = new ArrayList<String>();
        try (var statement = connection.createStatement();
                var result = statement.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }

    /** The columns COPY can write back: all but generated ones, in their order. */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        var columns = new ArrayList<String>();
        try (var statement = connection.prepareStatement("""
                SELECT a.attname FROM pg_attribute a
                WHERE a.attrelid = ('public.' || quote_ident(?))::regclass AND a.attnum > 0 AND NOT a.attisdropped
                  AND a.attgenerated = '' ORDER BY a.attnum""")) {
            statement.setString(1, table);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    columns.add(result.getString(1));
                }
            }
        }
        return columns;
    }

    private static List<Map.Entry<String, String>> sequences(Connection connection) throws SQLException {
        var sequences = new ArrayList<Map.Entry<String, String>>();
        try (var statement = connection.createStatement();
                var result = statement.executeQuery(
                        "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1")) {
            var names = new ArrayList<String>();
            while (result.next()) {
                names.add(result.getString(1));
            }
            for (var name : names) {
                try (var values = statement.executeQuery("SELECT last_value, is_called FROM " + quote(name))) {
                    values.next();
                    sequences.add(Map.entry(name, values.getLong(1) + "," + values.getBoolean(2)));
                }
            }
        }
        return sequences;
    }

    private static String flywayVersion(Connection connection) throws SQLException {
        if (!tables(connection).contains("flyway_schema_history")) {
            throw new IllegalStateException("No SiPa database: it has no table flyway_schema_history");
        }
        // The highest version applied (a migration applied out of order does not count as the latest).
        return single(connection, """
                SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
                ORDER BY string_to_array(version, '.')::int[] DESC LIMIT 1""");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void addFiles(ZipOutputStream zip, Path file, String name, Map<String, String> manifest)
            throws IOException {
        if (Files.isDirectory(file)) {
            try (var children = Files.list(file)) {
                for (var child : children.sorted().toList()) {
                    addFiles(zip, child, name + "/" + child.getFileName(), manifest);
                }
            }
            return;
        }
        zip.putNextEntry(new ZipEntry(name));
        var digesting = new Digesting(zip);
        Files.copy(file, digesting);
        zip.closeEntry();
        manifest.put("file." + name.substring(FILES.length()) + ".sha256", digesting.hex());
    }

    /** Extracts the files of an archive below {@code target} (they are not part of the database). */
    static List<Path> extractFiles(Path archive, Path target) throws IOException {
        var extracted = new ArrayList<Path>();
        try (var zip = new ZipFile(archive.toFile())) {
            for (var entry : zip.stream().filter(e -> e.getName().startsWith(FILES) && !e.isDirectory()).toList()) {
                var path = target.resolve(entry.getName().substring(FILES.length())).normalize();
                if (!path.startsWith(target.normalize())) {
                    throw new IllegalArgumentException("Refusing the entry " + entry.getName());
                }
                Files.createDirectories(path.getParent());
                try (var in = zip.getInputStream(entry)) {
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                }
                extracted.add(path);
            }
        }
        return extracted;
    }

    private static String entryOf(String checksumKey) {
        var name = checksumKey.substring(0, checksumKey.length() - ".sha256".length());
        if (name.startsWith("table.")) {
            return TABLES + name.substring(6) + ".copy";
        }
        return FILES + name.substring("file.".length());
    }

    private static Properties manifest(ZipFile zip) throws IOException {
        var entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new IllegalArgumentException(zip.getName() + " has no " + MANIFEST + ": no SiPa backup");
        }
        var properties = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        return properties;
    }

    private static byte[] manifestBytes(Map<String, String> manifest) {
        var text = new StringBuilder("# SiPa backup: database/<table>.copy is PostgreSQL COPY text, files/ what lives "
                + "outside the database\n");
        manifest.forEach((key, value) -> text.append(key.replace("\\", "\\\\").replace(" ", "\\ ").replace(":", "\\:").replace("=", "\\=")).append('=').append(value.replace("\\", "\\\\")).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String unquote(String regclass) {
        return regclass.startsWith("\"") ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"") : regclass;
    }

    private static String quoteAll(List<String> identifiers) {
        return String.join(", ", identifiers.stream().map(DatabaseArchive::quote).toList());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes bytes on to the zip (without closing it) and computes their SHA-256. */
    private static final class Digesting extends OutputStream {

        private final OutputStream target;
        private final MessageDigest digest = sha256();

        Digesting(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            digest.update(b, off, len);
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
