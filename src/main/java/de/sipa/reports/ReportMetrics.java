package de.sipa.reports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The contact point's figures for monitoring (Prometheus at /actuator/prometheus): reports received per channel,
 * routed automatically or left to the coordinator, and per partnership the open, unrouted and overdue ones.
 */
@Component
class ReportMetrics {

    private final JdbcClient jdbc;
    private final Map<ReportSource, Counter> received = new EnumMap<>(ReportSource.class);
    private final Counter routedAutomatically;
    private final Counter routedToCoordinator;
    private final MultiGauge open;
    private final MultiGauge unrouted;
    private final MultiGauge overdue;

    ReportMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.jdbc = jdbc;
        for (var source : ReportSource.values()) {
            received.put(source, Counter.builder("sipa.reports.received").description("Reports received")
                    .tag("source", source.name()).register(registry));
        }
        routedAutomatically = routed(registry, "automatic");
        routedToCoordinator = routed(registry, "coordinator");
        open = MultiGauge.builder("sipa.reports.open").description("Open reports").register(registry);
        unrouted = MultiGauge.builder("sipa.reports.unrouted").description("New reports without an organisation")
                .register(registry);
        overdue = MultiGauge.builder("sipa.reports.overdue").description("Open reports past their deadline")
                .register(registry);
    }

    private static Counter routed(MeterRegistry registry, String how) {
        return Counter.builder("sipa.reports.routed").description("Reports routed, by who decided")
                .tag("by", how).register(registry);
    }

    void received(ReportSource source) {
        received.get(source).increment();
    }

    void routed(boolean automatically) {
        (automatically ? routedAutomatically : routedToCoordinator).increment();
    }

    /**
     * Counts the queues once a minute rather than at every scrape. Not locked to one instance: each instance
     * reports the same shared figures, which a query over instances takes the maximum of.
     */
    @Scheduled(fixedDelayString = "${sipa.metrics.refresh:PT1M}", initialDelayString = "PT5S")
    void countQueues() {
        var openRows = new ArrayList<MultiGauge.Row<?>>();
        var unroutedRows = new ArrayList<MultiGauge.Row<?>>();
        var overdueRows = new ArrayList<MultiGauge.Row<?>>();
        jdbc.sql("""
                SELECT p.slug,
                       count(r.id) FILTER (WHERE r.status IN ('MODERATION', 'NEW', 'IN_PROGRESS')) AS open,
                       count(r.id) FILTER (WHERE r.status = 'NEW' AND r.assignee_id IS NULL) AS unrouted,
                       count(r.id) FILTER (WHERE r.status IN ('NEW', 'IN_PROGRESS') AND r.deadline < now()) AS overdue
                FROM partners_partnership p
                LEFT JOIN reports_report r ON r.partnership_id = p.id AND r.status NOT IN ('DONE', 'FORWARDED', 'REJECTED')
                GROUP BY p.slug""")
                .query(rs -> {
                    var tags = Tags.of("partnership", rs.getString("slug"));
                    openRows.add(MultiGauge.Row.of(tags, rs.getLong("open")));
                    unroutedRows.add(MultiGauge.Row.of(tags, rs.getLong("unrouted")));
                    overdueRows.add(MultiGauge.Row.of(tags, rs.getLong("overdue")));
                });
        open.register(openRows, true);
        unrouted.register(unroutedRows, true);
        overdue.register(overdueRows, true);
    }
}
