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
