package de.sipa.annualreport;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;
import de.sipa.shared.YearlyFigures.Bars;
import de.sipa.shared.YearlyFigures.Chapter;

/**
 * Generating the annual report in the background: a job row counts the chapters done of all (the progress bar reads
 * it, also after a reload); the PDF and the HTML version are stored only when every chapter is done and the job was
 * not cancelled, in one statement, so a cancelled or failed job leaves no file. Each generated report keeps the time
 * of the data it used and its key figures, so that regenerating shows which changed. The coordination publishes a
 * generated report on the partnership's public pages.
 */
@Service
@Transactional
public class ReportGenerations {

    private static final Logger log = LoggerFactory.getLogger(ReportGenerations.class);

    public enum Status {
        RUNNING, DONE, CANCELLED, FAILED
    }

    /** A generation job and, when done, its report. */
    public record Generation(UUID id, int year, Status status, int done, int total, Instant startedAt,
            Instant finishedAt, Instant dataAsOf, boolean published) {

        public int percent() {
            return total == 0 ? 100 : done * 100 / total;
        }

        public boolean running() {
            return status == Status.RUNNING;
        }
    }

    /** A key figure that differs from the report generated before. */
    public record Change(String chapter, String label, Double before, Double after) {
    }

    private final AnnualReports reports;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Partnerships partnerships;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "annual-report");
        thread.setDaemon(true);
        return thread;
    });

    /** For tests: when set, a job waits for it before its first chapter. */
    volatile CountDownLatch gate;

    ReportGenerations(AnnualReports reports, JdbcClient jdbc, Clock clock, TransactionTemplate transactions,
            ITemplateEngine templates, MessageSource messages, Partnerships partnerships) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.templates = templates;
        this.messages = messages;
        this.partnerships = partnerships;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Starts generating the year's report; refused while one is running. */
    @PreAuthorize(AnnualReportPermissions.EDIT)
    public UUID start(int year) {
        var report = reports.reportId(year);
        jdbc.sql("SELECT id FROM annualreport_report WHERE id = ? FOR UPDATE").param(report).query(UUID.class).single();
        if (latest(year).filter(Generation::running).isPresent()) {
            throw new RuleViolationException("annualreport.generation.running");
        }
        int total = (int) reports.chapterRows(report).stream().filter(AnnualReports.ChapterRow::enabled).count();
        var id = UUID.randomUUID();
        var user = CurrentUser.get();
        jdbc.sql("""
                INSERT INTO annualreport_generation (id, report_id, partnership_id, status, chapters_total, started_at,
                    started_by, data_as_of) VALUES (?, ?, ?, 'RUNNING', ?, ?, ?, ?)""")
                .param(id).param(report).param(user.partnership().value()).param(total)
                .param(Timestamp.from(clock.instant())).param(user.username()).param(Timestamp.from(clock.instant()))
                .update();
        Runnable job = () -> executor.execute(() -> CurrentUser.runAs(user, () -> run(id, year)));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    job.run();
                }
            });
        } else {
            job.run();
        }
        return id;
    }

    /** Waits until the jobs started so far have ended (the jobs run one after the other). */
    void awaitJobs(java.time.Duration patience) {
        try {
            executor.submit(() -> { }).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("The annual report jobs did not end in {}", patience);
        }
    }

    /** Cancels a running job; whatever it computed is dropped. */
    @PreAuthorize(AnnualReportPermissions.EDIT)
    public void cancel(UUID generation) {
        jdbc.sql("""
                UPDATE annualreport_generation SET status = 'CANCELLED', finished_at = ?
                WHERE id = ? AND partnership_id = ? AND status = 'RUNNING'""")
                .param(Timestamp.from(clock.instant())).param(generation).param(CurrentUser.partnership().value())
                .update();
    }

    /** The job, for its progress bar. */
    @PreAuthorize(AnnualReportPermissions.READ)
    @Transactional(readOnly = true)
    public Generation generation(UUID id) {
        return jdbc.sql(SELECT + " WHERE g.id = ? AND g.partnership_id = ?").param(id)
                .param(CurrentUser.partnership().value()).query(ReportGenerations::generation).optional()
                .orElseThrow(() -> new NotFoundException("generation", id));
    }

    /** The year's latest job, if any. */
    @PreAuthorize(AnnualReportPermissions.READ)
    @Transactional(readOnly = true)
    public Optional<Generation> latest(int year) {
        return jdbc.sql(SELECT + " WHERE r.partnership_id = ? AND r.year = ? ORDER BY g.started_at DESC LIMIT 1")
                .param(CurrentUser.partnership().value()).param(year).query(ReportGenerations::generation).optional();
    }

    /** The year's generated reports, the newest first. */
    @PreAuthorize(AnnualReportPermissions.READ)
    @Transactional(readOnly = true)
    public List<Generation> done(int year) {
        return jdbc.sql(SELECT + " WHERE r.partnership_id = ? AND r.year = ? AND g.status = 'DONE'"
                + " ORDER BY g.started_at DESC").param(CurrentUser.partnership().value()).param(year)
                .query(ReportGenerations::generation).list();
    }

    /** The key figures that differ between a generated report and the one generated before it. */
    @PreAuthorize(AnnualReportPermissions.READ)
    @Transactional(readOnly = true)
    public List<Change> changes(UUID generation) {
        return jdbc.sql("""
                WITH this AS (SELECT g.id, g.report_id, g.started_at FROM annualreport_generation g
                              WHERE g.id = :g AND g.partnership_id = :p),
                     previous AS (SELECT g.id FROM annualreport_generation g, this
                                  WHERE g.report_id = this.report_id AND g.status = 'DONE'
                                    AND g.started_at < this.started_at ORDER BY g.started_at DESC LIMIT 1)
                SELECT n.chapter_key, n.label, o.value AS before, n.value AS after
                FROM annualreport_figure n JOIN annualreport_figure o ON o.label = n.label
                  AND o.generation_id = (SELECT id FROM previous)
                WHERE n.generation_id = :g AND n.value IS DISTINCT FROM o.value ORDER BY n.chapter_key, n.label""")
                .param("g", generation).param("p", CurrentUser.partnership().value())
                .query((rs, n) -> new Change(rs.getString(1), rs.getString(2), (Double) rs.getObject(3),
                        (Double) rs.getObject(4)))
                .list();
    }

    /** A generated report's PDF. */
    @PreAuthorize(AnnualReportPermissions.READ)
    @Transactional(readOnly = true)
    public byte[] pdf(UUID generation) {
        return jdbc.sql("SELECT pdf FROM annualreport_generation WHERE id = ? AND partnership_id = ? AND pdf IS NOT NULL")
                .param(generation).param(CurrentUser.partnership().value()).query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException("generation", generation));
    }

    /** A generated report's HTML version. */
    @PreAuthorize(AnnualReportPermissions.READ)
    @Transactional(readOnly = true)
    public String html(UUID generation) {
        return jdbc.sql("SELECT html FROM annualreport_generation WHERE id = ? AND partnership_id = ? AND html IS NOT NULL")
                .param(generation).param(CurrentUser.partnership().value()).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("generation", generation));
    }

    /** Publishes a generated report as the year's on the public pages (the year's other versions are withdrawn). */
    @PreAuthorize(AnnualReportPermissions.EDIT)
    public void publish(UUID generation, boolean published) {
        var g = generation(generation);
        if (g.status() != Status.DONE) {
            throw new RuleViolationException("annualreport.publish.notDone");
        }
        var p = CurrentUser.partnership().value();
        if (published) {
            jdbc.sql("""
                    UPDATE annualreport_generation SET published = FALSE WHERE partnership_id = ? AND report_id =
                      (SELECT report_id FROM annualreport_generation WHERE id = ?)""").param(p).param(generation)
                    .update();
        }
        jdbc.sql("UPDATE annualreport_generation SET published = ? WHERE id = ? AND partnership_id = ?")
                .param(published).param(generation).param(p).update();
    }

    /** A published report on the public pages. */
    public record Published(int year, Instant dataAsOf, Instant finishedAt) {
    }

    /** The partnership's published reports, the newest year first (for the public pages, without login). */
    @Transactional(readOnly = true)
    public List<Published> published(de.sipa.shared.PartnershipId partnership) {
        return jdbc.sql("""
                SELECT r.year, g.data_as_of, g.finished_at FROM annualreport_generation g
                JOIN annualreport_report r ON r.id = g.report_id
                WHERE g.partnership_id = ? AND g.published AND g.status = 'DONE' ORDER BY r.year DESC""")
                .param(partnership.value())
                .query((rs, n) -> new Published(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** The published report of a year: its HTML version. */
    @Transactional(readOnly = true)
    public Optional<String> publishedHtml(de.sipa.shared.PartnershipId partnership, int year) {
        return publishedColumn(partnership, year, "html", String.class);
    }

    /** The published report of a year: its PDF. */
    @Transactional(readOnly = true)
    public Optional<byte[]> publishedPdf(de.sipa.shared.PartnershipId partnership, int year) {
        return publishedColumn(partnership, year, "pdf", byte[].class);
    }

    private <T> Optional<T> publishedColumn(de.sipa.shared.PartnershipId partnership, int year, String column,
            Class<T> type) {
        return jdbc.sql("SELECT g." + column + """
                 FROM annualreport_generation g JOIN annualreport_report r ON r.id = g.report_id
                WHERE g.partnership_id = ? AND r.year = ? AND g.published AND g.status = 'DONE'""")
                .param(partnership.value()).param(year).query(type).optional();
    }

    private static final String SELECT = """
            SELECT g.id, r.year, g.status, g.chapters_done, g.chapters_total, g.started_at, g.finished_at,
                   g.data_as_of, g.published
            FROM annualreport_generation g JOIN annualreport_report r ON r.id = g.report_id""";

    private static Generation generation(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var finished = rs.getTimestamp("finished_at");
        return new Generation(rs.getObject("id", UUID.class), rs.getInt("year"), Status.valueOf(rs.getString("status")),
                rs.getInt("chapters_done"), rs.getInt("chapters_total"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getTimestamp("data_as_of").toInstant(),
                rs.getBoolean("published"));
    }

    /** The job: the chapters one by one, then the files, stored only if it still runs. */
    void run(UUID id, int year) {
        try {
            var gate = this.gate;
            if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
                return; // a test that never opened its gate: the generation stays running until it is cancelled
            }
            var report = transactions.execute(s -> reports.reportId(year));
            var rows = reports.chapterRows(report).stream().filter(AnnualReports.ChapterRow::enabled).toList();
            var chapters = new ArrayList<DocumentChapter>();
            var computed = new HashMap<String, Map<Integer, Chapter>>();
            for (var row : rows) {
                if (!running(id)) {
                    return;
                }
                var now = reports.figures(row.key(), year);
                var before = reports.figures(row.key(), year - 1);
                computed.put(row.key(), new HashMap<>(Map.of(year, now, year - 1, before)));
                chapters.add(new DocumentChapter(row.key(), row.text(), now, AnnualReports.compare(now, before)));
                jdbc.sql("UPDATE annualreport_generation SET chapters_done = chapters_done + 1 WHERE id = ?")
                        .param(id).update();
            }
            var history = reports.history(year, rows.stream().map(AnnualReports.ChapterRow::key).toList(), computed);
            var partnership = partnerships.mine();
            var dataAsOf = jdbc.sql("SELECT data_as_of FROM annualreport_generation WHERE id = ?").param(id)
                    .query(Timestamp.class).single().toInstant();
            var document = new ReportDocument(partnership.name(), year, dataAsOf, clock.getZone(), chapters,
                    history);
            var pdf = new AnnualReportPdf(messages, Locale.GERMAN).write(document);
            var html = html(document, Locale.GERMAN);
            transactions.executeWithoutResult(s -> {
                int stored = jdbc.sql("""
                        UPDATE annualreport_generation SET status = 'DONE', pdf = ?, html = ?, finished_at = ?
                        WHERE id = ? AND status = 'RUNNING'""")
                        .param(pdf).param(html).param(Timestamp.from(clock.instant())).param(id).update();
                if (stored == 1) {
                    for (var chapter : chapters) {
                        for (var c : chapter.comparisons()) {
                            jdbc.sql("""
                                    INSERT INTO annualreport_figure (generation_id, partnership_id, chapter_key, label,
                                        value) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                                    .param(id).param(partnership.id().value()).param(chapter.key())
                                    .param(c.figure().label()).param(c.figure().value()).update();
                        }
                    }
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(id);
        } catch (RuntimeException e) {
            log.error("Generating the annual report {} failed", id, e);
            fail(id);
        }
    }

    private boolean running(UUID id) {
        return "RUNNING".equals(jdbc.sql("SELECT status FROM annualreport_generation WHERE id = ?").param(id)
                .query(String.class).single());
    }

    private void fail(UUID id) {
        jdbc.sql("UPDATE annualreport_generation SET status = 'FAILED', finished_at = ? WHERE id = ? AND status = 'RUNNING'")
                .param(Timestamp.from(clock.instant())).param(id).update();
    }

    /** The HTML version: the report's body, for the internal preview and the public page. */
    String html(ReportDocument document, Locale locale) {
        var context = new Context(locale, Map.of("doc", document, "fmt", new FigureFormat(locale), "charts",
                new ReportCharts(messages, locale)));
        return templates.process("annualreport/document", context);
    }

    /** Everything a generated report shows. */
    record ReportDocument(String partnership, int year, Instant dataAsOf, java.time.ZoneId zone,
            List<DocumentChapter> chapters, List<Bars> history) {

        /** The first year of the multi-year comparison. */
        public String firstYear() {
            return history.isEmpty() ? String.valueOf(year) : history.get(0).labels().get(0);
        }
    }

    record DocumentChapter(String key, String text, de.sipa.shared.YearlyFigures.Chapter figures,
            List<AnnualReports.Comparison> comparisons) {

        public boolean empty() {
            return figures.empty();
        }
    }

    static Year year(int year) {
        return Year.of(year);
    }
}
