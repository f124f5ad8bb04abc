package de.sipa.annualreport;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.YearlyFigures;
import de.sipa.shared.YearlyFigures.Chapter;
import de.sipa.shared.YearlyFigures.Bars;
import de.sipa.shared.YearlyFigures.KeyFigure;
import de.sipa.shared.YearlyFigures.Unit;

/**
 * The annual report of the user's partnership: the draft of a year in chapters (created on first opening, one
 * chapter for each module's yearly figures in their order), the coordinator's texts with their versions, and the
 * chapters' order and whether they are in the report. Generating and publishing: {@link ReportGenerations}.
 */
@Service
@Transactional
public class AnnualReports {

    /** Whether a key figure went up, down or stayed the same since last year. */
    public enum Trend {
        UP, DOWN, SAME
    }

    /** A key figure with last year's value. */
    public record Comparison(KeyFigure figure, Double lastYear, Trend trend) {
    }

    /** A chapter of the draft: its figures for the year, compared with last year, and the coordinator's text. */
    public record DraftChapter(String key, int position, boolean enabled, String text, int versions, Chapter figures,
            List<Comparison> comparisons) {

        public boolean empty() {
            return figures.empty();
        }
    }

    /** A saved version of a chapter's text. */
    public record TextVersion(long id, Instant savedAt, String savedBy, String text) {
    }

    private final Map<String, YearlyFigures> chapters = new LinkedHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;

    AnnualReports(List<YearlyFigures> figures, JdbcClient jdbc, Clock clock) {
        figures.stream().sorted(Comparator.comparingInt(YearlyFigures::position))
                .forEach(f -> chapters.put(f.key(), f));
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The years to choose from: every year with a draft, and this and last year. */
    @PreAuthorize(AnnualReportPermissions.READ)
    @Transactional(readOnly = true)
    public List<Integer> years() {
        var years = new java.util.TreeSet<Integer>(Comparator.reverseOrder());
        years.addAll(jdbc.sql("SELECT year FROM annualreport_report WHERE partnership_id = ?")
                .param(CurrentUser.partnership().value()).query(Integer.class).list());
        int now = Year.now(clock).getValue();
        years.add(now);
        years.add(now - 1);
        return List.copyOf(years);
    }

    /** The year's draft with every chapter's figures and last year's, creating it on first opening. */
    @PreAuthorize(AnnualReportPermissions.READ)
    public List<DraftChapter> draft(int year) {
        var report = reportId(year);
        var result = new ArrayList<DraftChapter>();
        for (var row : chapterRows(report)) {
            var source = chapters.get(row.key());
            var now = source.of(Year.of(year));
            var before = source.of(Year.of(year - 1));
            result.add(new DraftChapter(row.key(), row.position(), row.enabled(), row.text(), row.versions(), now,
                    compare(now, before)));
        }
        return result;
    }

    /** The chapters in order, with text and whether they are in the report, without their figures. */
    @PreAuthorize(AnnualReportPermissions.READ)
    public List<ChapterRow> chapters(int year) {
        return chapterRows(reportId(year));
    }

    /** The figures of one chapter for a year, with last year's for comparison. */
    Chapter figures(String key, int year) {
        return chapter(key).of(Year.of(year));
    }

    /** The most years the multi-year comparison shows, the report's year included. */
    static final int HISTORY_YEARS = 10;

    /**
     * The multi-year comparison: for each key figure that the given chapters follow over the years
     * ({@link YearlyFigures#followedFigures()}), a chart of its value in every year from the earliest with data up to
     * the given year, going back while a year has a value above zero for one of them (ten years at most).
     *
     * @param computed chapters counted already, by chapter and year; those counted here are added
     */
    List<Bars> history(int year, java.util.Collection<String> keys, Map<String, Map<Integer, Chapter>> computed) {
        var followed = keys.stream().map(chapters::get).filter(c -> c != null && !c.followedFigures().isEmpty())
                .toList();
        var years = new ArrayList<String>();
        var values = new LinkedHashMap<String, List<Double>>();
        var units = new HashMap<String, Unit>();
        for (int y = year; y > year - HISTORY_YEARS; y--) {
            var ofYear = new LinkedHashMap<String, Double>();
            for (var source : followed) {
                int at = y;
                var chapter = computed.computeIfAbsent(source.key(), k -> new HashMap<>())
                        .computeIfAbsent(at, k -> source.of(Year.of(at)));
                for (var label : source.followedFigures()) {
                    var figure = chapter.figures().stream().filter(f -> f.label().equals(label)).findFirst();
                    figure.ifPresent(f -> units.putIfAbsent(label, f.unit()));
                    ofYear.put(label, figure.map(KeyFigure::value).orElse(null));
                }
            }
            if (y < year && ofYear.values().stream().allMatch(v -> v == null || v == 0)) {
                break;
            }
            years.add(0, String.valueOf(y));
            ofYear.forEach((label, value) -> values.computeIfAbsent(label, l -> new ArrayList<>()).add(0, value));
        }
        return values.entrySet().stream().map(e -> new Bars(e.getKey(), years, e.getValue(),
                units.getOrDefault(e.getKey(), Unit.COUNT))).toList();
    }

    static List<Comparison> compare(Chapter now, Chapter before) {
        var comparisons = new ArrayList<Comparison>();
        for (var figure : now.figures()) {
            var last = before.figures().stream().filter(f -> f.label().equals(figure.label())).findFirst()
                    .map(KeyFigure::value).orElse(null);
            Trend trend = null;
            if (figure.value() != null && last != null) {
                int c = Double.compare(Math.round(figure.value() * 1000), Math.round(last * 1000));
                trend = c > 0 ? Trend.UP : c < 0 ? Trend.DOWN : Trend.SAME;
            }
            comparisons.add(new Comparison(figure, last, trend));
        }
        return comparisons;
    }

    /**
     * Saves a chapter's text, sanitised; keeps the text as a new version when it changed. Answers the text as saved.
     */
    @PreAuthorize(AnnualReportPermissions.EDIT)
    public String saveText(int year, String key, String html) {
        chapter(key);
        var report = reportId(year);
        var clean = FormattedText.clean(html);
        var before = jdbc.sql("SELECT text FROM annualreport_chapter WHERE report_id = ? AND chapter_key = ?")
                .param(report).param(key).query(String.class).single();
        if (!before.equals(clean)) {
            var p = CurrentUser.partnership().value();
            jdbc.sql("UPDATE annualreport_chapter SET text = ? WHERE report_id = ? AND chapter_key = ?")
                    .param(clean).param(report).param(key).update();
            jdbc.sql("""
                    INSERT INTO annualreport_text_version (report_id, partnership_id, chapter_key, text, saved_at,
                        saved_by) VALUES (?, ?, ?, ?, ?, ?)""")
                    .param(report).param(p).param(key).param(clean).param(Timestamp.from(clock.instant()))
                    .param(CurrentUser.get().username()).update();
        }
        return clean;
    }

    /** The saved versions of a chapter's text, the newest first. */
    @PreAuthorize(AnnualReportPermissions.READ)
    @Transactional(readOnly = true)
    public List<TextVersion> versions(int year, String key) {
        return jdbc.sql("""
                SELECT v.id, v.saved_at, v.saved_by, v.text FROM annualreport_text_version v
                JOIN annualreport_report r ON r.id = v.report_id
                WHERE r.partnership_id = ? AND r.year = ? AND v.chapter_key = ? ORDER BY v.id DESC""")
                .param(CurrentUser.partnership().value()).param(year).param(key)
                .query((rs, n) -> new TextVersion(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    /** Takes an earlier version of a chapter's text back (as a new version). */
    @PreAuthorize(AnnualReportPermissions.EDIT)
    public void restore(int year, String key, long version) {
        var text = versions(year, key).stream().filter(v -> v.id() == version).findFirst()
                .orElseThrow(() -> new NotFoundException("text version", version)).text();
        saveText(year, key, text);
    }

    /** Switches a chapter on or off. */
    @PreAuthorize(AnnualReportPermissions.EDIT)
    public void toggle(int year, String key) {
        chapter(key);
        jdbc.sql("UPDATE annualreport_chapter SET enabled = NOT enabled WHERE report_id = ? AND chapter_key = ?")
                .param(reportId(year)).param(key).update();
    }

    /** Moves a chapter one place up ({@code -1}) or down ({@code 1}). */
    @PreAuthorize(AnnualReportPermissions.EDIT)
    public void move(int year, String key, int direction) {
        var report = reportId(year);
        var rows = new ArrayList<>(chapterRows(report));
        int at = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                at = i;
            }
        }
        int to = at + Integer.signum(direction);
        if (at < 0 || to < 0 || to >= rows.size()) {
            return;
        }
        rows.add(to, rows.remove(at));
        for (int i = 0; i < rows.size(); i++) {
            jdbc.sql("UPDATE annualreport_chapter SET position = ? WHERE report_id = ? AND chapter_key = ?")
                    .param(i).param(report).param(rows.get(i).key()).update();
        }
    }

    /** A chapter's place in the draft. */
    public record ChapterRow(String key, int position, boolean enabled, String text, int versions) {
    }

    List<ChapterRow> chapterRows(UUID report) {
        return jdbc.sql("""
                SELECT c.chapter_key, c.position, c.enabled, c.text,
                       (SELECT count(*) FROM annualreport_text_version v WHERE v.report_id = c.report_id
                          AND v.chapter_key = c.chapter_key) AS versions
                FROM annualreport_chapter c WHERE c.report_id = ? ORDER BY c.position, c.chapter_key""")
                .param(report)
                .query((rs, n) -> new ChapterRow(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4),
                        rs.getInt(5)))
                .list().stream().filter(r -> chapters.containsKey(r.key())).toList();
    }

    /** The draft's id, creating the draft with every chapter on first use (and adding chapters new since). */
    UUID reportId(int year) {
        if (year < 1990 || year > Year.now(clock).getValue() + 1) {
            throw new NotFoundException("annual report year", year);
        }
        var p = CurrentUser.partnership().value();
        Optional<UUID> existing = jdbc.sql("SELECT id FROM annualreport_report WHERE partnership_id = ? AND year = ?")
                .param(p).param(year).query(UUID.class).optional();
        var id = existing.orElseGet(UUID::randomUUID);
        if (existing.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO annualreport_report (id, partnership_id, year, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (partnership_id, year) DO NOTHING""")
                    .param(id).param(p).param(year).param(Timestamp.from(clock.instant())).update();
            id = jdbc.sql("SELECT id FROM annualreport_report WHERE partnership_id = ? AND year = ?")
                    .param(p).param(year).query(UUID.class).single();
        }
        int position = 0;
        for (var key : chapters.keySet()) {
            jdbc.sql("""
                    INSERT INTO annualreport_chapter (report_id, partnership_id, chapter_key, position)
                    VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .param(id).param(p).param(key).param(chapters.get(key).position() * 10 + position++).update();
        }
        return id;
    }

    private YearlyFigures chapter(String key) {
        var chapter = chapters.get(key);
        if (chapter == null) {
            throw new NotFoundException("chapter", key);
        }
        return chapter;
    }
}
