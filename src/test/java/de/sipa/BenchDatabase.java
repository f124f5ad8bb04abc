package de.sipa;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a benchmark does to its embedded database as the tables' owner. The app connects as {@code sipa_app}, which
 * owns no table: PostgreSQL skips its {@code VACUUM} with a mere warning, so a benchmark that vacuums through the
 * app's connection reads without a visibility map (every index-only scan fetches each row from the heap, and sets
 * hint bits while timed).
 */
public final class BenchDatabase {

    private BenchDatabase() {
    }

    /**
     * Runs a bulk insert of reports with the trigger that keeps the day figures (V122) off, and counts the figures
     * once afterwards: the trigger would otherwise write its change lines once per report.
     */
    public static void withoutFigureTrigger(ApplicationContext context, Runnable insert) {
        var owner = JdbcClient.create(context.getBean("flywayDataSource", DataSource.class));
        owner.sql("ALTER TABLE reports_report DISABLE TRIGGER reports_report_figures").update();
        try {
            insert.run();
        } finally {
            owner.sql("ALTER TABLE reports_report ENABLE TRIGGER reports_report_figures").update();
            owner.sql("SELECT reports_figures_rebuild(zone) FROM reports_figures_zone").query((rs, n) -> n).list();
        }
    }

    /** VACUUM ANALYZE as the owner: sets the visibility map and the statistics after bulk inserts. */
    public static void vacuum(ApplicationContext context, String... tables) {
        var owner = JdbcClient.create(context.getBean("flywayDataSource", DataSource.class));
        for (var table : tables) {
            if (!table.matches("[a-z_]+")) {
                throw new IllegalArgumentException(table);
            }
            owner.sql("VACUUM ANALYZE " + table).update();
        }
    }
}
