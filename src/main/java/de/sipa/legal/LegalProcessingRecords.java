package de.sipa.legal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** The Impressum and Datenschutzerklärung name the partnership's offices, no private persons. */
@Component
class LegalProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of();
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("legal_notice");
    }
}
