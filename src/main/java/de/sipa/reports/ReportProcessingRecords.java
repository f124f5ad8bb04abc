package de.sipa.reports;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/**
 * The contact point's reports and the intake limit, for the records of processing. The day figures (V122) are counts
 * per day, category and district without anything of a report's content or its reporter.
 */
@Component
class ReportProcessingRecords implements ProcessingRecords {

    private final Duration contactRetention;
    private final Duration intakeWindow;

    ReportProcessingRecords(ContactRetention contactRetention,
            @Value("${sipa.reports.intake-window:PT10M}") Duration intakeWindow) {
        this.contactRetention = contactRetention.period();
        this.intakeWindow = intakeWindow;
    }

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(
                new ProcessingActivity("reports", Set.of("reports_report", "reports_event", "reports_photo"),
                        List.of(contactRetention.toDays())),
                new ProcessingActivity("intakeLimit", Set.of("reports_intake_count"),
                        List.of(intakeWindow.toMinutes())));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("reports_category", "reports_category_attribute", "reports_api_client", "reports_figures_zone",
                "reports_day_figures", "reports_day_figures_change", "reports_closing_figures",
                "reports_closing_figures_change", "reports_answer_figures", "reports_answer_figures_change");
    }
}
