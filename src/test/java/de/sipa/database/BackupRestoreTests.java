package de.sipa.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.Fixtures;
import de.sipa.SipaApplication;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.meetings.MeetingDetails;
import de.sipa.meetings.MeetingMaterials;
import de.sipa.meetings.Meetings;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;

/**
 * A backup restored into an empty database holds the same data: every table's row count and an MD5 over all its
 * rows (ordered) are equal to the original's in the snapshot the backup read; SiPa starts on the restored database;
 * a database that is not empty and a damaged archive are refused.
 */
@SipaIntegrationTest
class BackupRestoreTests {

    private static final byte[] PDF = "%PDF-1.4 Tagesordnung Sicherung".getBytes(StandardCharsets.US_ASCII);

    /** As the owner of the tables, who sees every partnership's rows and may create databases. */
    @Autowired
    @FlywayDataSource
    DataSource testDatabase;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    @Autowired
    Meetings meetings;

    @Autowired
    MeetingMaterials materials;

    @TempDir
    Path temp;

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseHasTheSameRowsInEveryTableAndSiPaStartsOnIt() throws Exception {
        var city = fixtures.city();
        CurrentUser.runAs(SipaUser.system(city.id()), (Supplier<Object>) () -> {
            var category = categories.create(new Category(CategoryId.random(), "licht", "Beleuchtung", null, null, 3,
                    false, null, true, List.of(), false));
            reports.submit(new NewReport(city.id(), category, "Laterne am Spielplatz defekt", 48.7, 9.1, null, null,
                    Map.of(), null, ReportSource.PARTNER, null, null), png());
            var meeting = meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe",
                    LocalDateTime.now().plusDays(7), LocalDateTime.now().plusDays(7).plusHours(2), "Rathaus", null));
            var item = meetings.addAgendaItem(meeting, "Beleuchtung Spielplatz", null, null, false);
            materials.attach(meeting, item, "Tagesordnung.pdf", PDF);
            return null;
        });
        var config = temp.resolve("sipa.env");
        Files.writeString(config, "SIPA_BASE_URL=https://sipa.stadt.example\n");
        var archive = temp.resolve("backup.zip");

        // The figures of the original in the very snapshot the backup reads (the app keeps writing meanwhile).
        Map<String, String> original;
        DatabaseArchive.Summary written;
        try (var connection = testDatabase.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            original = figures(connection);
            written = DatabaseArchive.write(connection, archive, List.of(config));
            connection.commit();
        }
        assertThat(written.rows()).containsEntry("reports_photo", count(original, "reports_photo"))
                .containsKey("flyway_schema_history");

        var restored = freshDatabase();
        var summary = DatabaseArchive.restore(archive, dataSource(restored));
        assertThat(summary.flywayVersion()).isEqualTo(written.flywayVersion());
        Map<String, String> after;
        try (var connection = dataSource(restored).getConnection()) {
            after = figures(connection);
        }
        assertThat(after).as("row count and MD5 of every table").isEqualTo(original);
        assertThat(original.keySet()).contains("reports_report", "reports_photo", "meetings_meeting",
                "meetings_material", "identity_audit_entry", "partners_partnership");
        assertThat(count(after, "reports_photo")).isPositive();
        assertThat(count(after, "meetings_material")).isPositive();
        System.out.printf("Restore test: %d tables compared (row count and MD5), %d rows, all equal%n", after.size(),
                summary.totalRows());
        var files = DatabaseArchive.extractFiles(archive, temp.resolve("files"));
        assertThat(files).singleElement().satisfies(f -> assertThat(Files.readString(f)).contains("SIPA_BASE_URL"));

        // The same through the command (bin/backup, bin/restore) on external databases: restored twice, still equal.
        var env = new HashMap<>(Map.of("SPRING_DATASOURCE_URL", restored, "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", password()));
        assertThat(BackupCommand.run(new String[] {"backup", "--to", temp.resolve("cli").toString()}, env)).isZero();
        var cliArchive = only(temp.resolve("cli"));
        assertThat(BackupCommand.run(new String[] {"restore", cliArchive.toString()}, env))
                .as("a database that is not empty").isEqualTo(BackupCommand.REFUSED);
        var second = freshDatabase();
        env.put("SPRING_DATASOURCE_URL", second);
        assertThat(BackupCommand.run(new String[] {"restore", cliArchive.toString()}, env)).isZero();
        try (var connection = dataSource(second).getConnection()) {
            assertThat(figures(connection)).isEqualTo(original);
        }
        assertThat(BackupCommand.run(new String[] {"restore", cliArchive.toString(), "--force"}, env)).isZero();
        try (var connection = dataSource(second).getConnection()) {
            assertThat(figures(connection)).as("after --force").isEqualTo(original);
        }

        // SiPa starts on the restored database (Flyway validates it) and finds the city.
        try (var sipa = new SpringApplicationBuilder(SipaApplication.class).run("--spring.datasource.url=" + restored,
                "--spring.datasource.username=postgres", "--spring.datasource.password=" + password(),
                "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.de.sipa=WARN")) {
            var jdbc = JdbcClient.create(sipa.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT count(*) FROM partners_partnership WHERE id = ?").param(city.id().value())
                    .query(Long.class).single()).isOne();
        }
    }

    @Test
    void aDamagedArchiveIsRefusedBeforeTheDatabaseIsTouched() throws Exception {
        var archive = temp.resolve("backup.zip");
        try (var connection = testDatabase.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            DatabaseArchive.write(connection, archive, List.of());
            connection.commit();
        }
        var damaged = temp.resolve("damaged.zip");
        try (var in = new ZipFile(archive.toFile()); var out = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (var entry : in.stream().toList()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                var bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("database/flyway_schema_history.copy")) {
                    bytes[0] ^= 1;
                }
                out.write(bytes);
                out.closeEntry();
            }
        }
        var target = freshDatabase();
        assertThatThrownBy(() -> DatabaseArchive.restore(damaged, dataSource(target)))
                .hasMessageContaining("flyway_schema_history.copy").hasMessageContaining("damaged");
        try (var connection = dataSource(target).getConnection()) {
            assertThat(DatabaseArchive.isEmpty(connection)).isTrue();
        }
    }

    /** Per table: "rows md5" over all rows in their text form, ordered. */
    private static Map<String, String> figures(Connection connection) throws SQLException {
        var figures = new TreeMap<String, String>();
        for (var table : DatabaseArchive.tables(connection)) {
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery("SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' "
                            + "ORDER BY t::text)), '') FROM " + DatabaseArchive.quote(table) + " t")) {
                result.next();
                figures.put(table, result.getLong(1) + " " + result.getString(2));
            }
        }
        return figures;
    }

    private static long count(Map<String, String> figures, String table) {
        return Long.parseLong(figures.get(table).split(" ")[0]);
    }

    private static Path only(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("sipa-backup-\\d{8}-\\d{6}\\.zip"))
                    .findFirst().orElseThrow();
        }
    }

    private static byte[] png() {
        try {
            var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            image.setRGB(3, 3, 0xffcc00);
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String password() throws SQLException {
        return testDatabase.unwrap(PGSimpleDataSource.class).getPassword();
    }

    private DataSource dataSource(String url) throws SQLException {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser("postgres");
        dataSource.setPassword(password());
        return dataSource;
    }

    /** A new, empty database on the tests' PostgreSQL. */
    private String freshDatabase() {
        var name = "sipa_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var jdbc = JdbcClient.create(testDatabase);
        jdbc.sql("CREATE DATABASE " + name).update();
        var port = jdbc.sql("SELECT current_setting('port')").query(String.class).single();
        return "jdbc:postgresql://localhost:" + port + "/" + name;
    }
}
