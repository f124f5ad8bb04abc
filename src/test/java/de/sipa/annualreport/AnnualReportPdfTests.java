package de.sipa.annualreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;

import de.sipa.annualreport.ReportGenerations.DocumentChapter;
import de.sipa.annualreport.ReportGenerations.ReportDocument;
import de.sipa.shared.YearlyFigures.Bars;
import de.sipa.shared.YearlyFigures.Chapter;
import de.sipa.shared.YearlyFigures.KeyFigure;
import de.sipa.shared.YearlyFigures.Label;
import de.sipa.shared.YearlyFigures.Percent;
import de.sipa.shared.YearlyFigures.Table;
import de.sipa.shared.YearlyFigures.Unit;

/**
 * The annual report's PDF passes veraPDF's PDF/A-2b checks with every kind of content it draws: cover, contents, the
 * multi-year comparison, key figures, tables (also an empty one that says so), upright and lying charts and a
 * chapter without data.
 */
class AnnualReportPdfTests {

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void theReportIsPdfA2b() throws Exception {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        var pdf = new AnnualReportPdf(messages, Locale.GERMAN).write(document());
        var failures = new ArrayList<String>();
        try (var parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_B);
                var validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            var result = validator.validate(parser);
            result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .forEach(a -> failures.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage() + " (" + a.getLocation().getContext() + ")"));
            assertThat(failures).as("veraPDF's failed checks").isEmpty();
            assertThat(result.isCompliant()).isTrue();
            assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_2_B);
        }
    }

    private static ReportDocument document() {
        var months = new long[12];
        months[2] = 120;
        months[6] = 3;
        var reports = new Chapter(List.of(KeyFigure.count("annualreport.reports.received", 1234),
                new KeyFigure("annualreport.reports.medianAnswer", 2.5, Unit.DAYS),
                new KeyFigure("annualreport.reports.overdue", null, Unit.PERCENT)),
                List.of(new Table("annualreport.reports.byCategory",
                        List.of("annualreport.column.category", "annualreport.column.reports"),
                        List.of(List.of("Beleuchtung – Straße & Weg", 1000L), List.of("Lärm", 234L))),
                        new Table("annualreport.situation.hotspots", List.of("annualreport.column.district"),
                                List.of(), "annualreport.situation.hotspots.none")),
                List.of(Bars.perMonth("annualreport.reports.byMonth", months)));
        var prevention = new Chapter(List.of(KeyFigure.count("annualreport.prevention.projects", 3)),
                List.of(new Table("annualreport.prevention.list", List.of("annualreport.column.project",
                        "annualreport.column.status", "annualreport.column.unsafe"),
                        List.of(List.of("Hinsehen statt Wegsehen", new Label("prevention.status.RUNNING"),
                                new Percent(0.25))))),
                List.of(new Bars("annualreport.prevention.byField",
                        List.of("prevention.field.VIOLENCE", "prevention.field.YOUTH"), List.of(2L, 1L))));
        var empty = new Chapter(List.of(KeyFigure.count("annualreport.operations.patrols", 0)), List.of(), List.of());
        var chapters = List.of(
                new DocumentChapter("reports", "<p>Mehr <b>Anliegen</b>.</p>", reports,
                        AnnualReports.compare(reports, reports)),
                new DocumentChapter("prevention", "", prevention, AnnualReports.compare(prevention, empty)),
                new DocumentChapter("operations", "", empty, AnnualReports.compare(empty, empty)));
        var history = List.of(new Bars("annualreport.reports.received", List.of("2024", "2025"), List.of(900L, 1234L)),
                new Bars("annualreport.reports.medianAnswer", List.of("2024", "2025"),
                        java.util.Arrays.asList(null, 2.5), Unit.DAYS));
        return new ReportDocument("Sicherheitspartnerschaft Prüfstadt", 2025, Instant.parse("2026-01-05T10:00:00Z"),
                ZoneId.of("Europe/Berlin"), chapters, history);
    }
}
