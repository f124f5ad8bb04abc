package de.sipa.annualreport;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** Who wrote a version of a chapter's text and who generated a report (account names); the rest are figures. */
@Component
class AnnualReportProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("annualreport",
                Set.of("annualreport_text_version", "annualreport_generation")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("annualreport_report", "annualreport_chapter", "annualreport_figure");
    }
}
