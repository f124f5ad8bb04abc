package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A snapshot of one partnership's rows in every table with a {@code partnership_id} (the audit trail among them), to
 * tell whether a request changed anything: per table the number of rows and a hash of their versions (the
 * transaction that wrote each and where it lies), as {@code table=count:hash;…}. Cheap enough to take after every
 * request, and it notices a row changed in place as well as one added or removed; while no transaction was written
 * anywhere, the last snapshot is reused without counting again.
 */
final class TenantRows {

    /**
     * The contact point's day figures (V122): written by a trigger with every change of a report and moved from the
     * change tables into the figures by a background job at any moment. Whatever changes them changes reports_report.
     */
    static final Set<String> DERIVED = Set.of("reports_day_figures", "reports_day_figures_change",
            "reports_closing_figures", "reports_closing_figures_change", "reports_answer_figures",
            "reports_answer_figures_change");

    private final JdbcClient jdbc;
    private final UUID partnership;
    private final String query;
    private String asOf;
    private String rows;
    long checkingNanos;

    TenantRows(JdbcClient jdbc, UUID partnership) {
        this.jdbc = jdbc;
        this.partnership = partnership;
        var tables = jdbc.sql("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND c.column_name = 'partnership_id'
                  AND t.table_type = 'BASE TABLE' ORDER BY c.table_name""").query(String.class).stream()
                .filter(table -> !DERIVED.contains(table)).toList();
        assertThat(tables).as("tables with a partnership_id").contains("reports_report", "identity_audit_entry");
        query = tables.stream().map(table -> "(SELECT '" + table + "=' || count(*) || ':' || coalesce(sum(hashtext(t.xmin::text || t.ctid::text)), 0)"
                + " FROM " + table + " t WHERE partnership_id = :p)").collect(Collectors.joining(" || ';' || ",
                        "SELECT (SELECT 'partners_partnership=' || hashtext(t.xmin::text || t.ctid::text)"
                                + " FROM partners_partnership t WHERE id = :p) || ';' || ", ""));
        asOf = nextTransaction();
        rows = count();
    }

    /** The rows now; what was taken in becomes the new baseline. Returns the tables that changed since the last call. */
    List<String> changedSinceLast() {
        long started = System.nanoTime();
        var next = nextTransaction();
        var now = next.equals(asOf) ? rows : count();
        asOf = next;
        var changed = changed(rows, now);
        rows = now;
        checkingNanos += System.nanoTime() - started;
        return changed;
    }

    private String count() {
        return jdbc.sql(query).param("p", partnership).query(String.class).single();
    }

    /**
     * The id the next writing transaction will get: while it stays the same, nothing was written anywhere (reading
     * transactions get none), and the rows need not be counted again.
     */
    private String nextTransaction() {
        return jdbc.sql("SELECT pg_snapshot_xmax(pg_current_snapshot())::text").query(String.class).single();
    }

    private static List<String> changed(String before, String after) {
        if (before.equals(after)) {
            return List.of();
        }
        var was = List.of(before.split(";"));
        return Stream.of(after.split(";")).filter(table -> !was.contains(table)).map(t -> t.substring(0, t.indexOf('=')))
                .toList();
    }
}
