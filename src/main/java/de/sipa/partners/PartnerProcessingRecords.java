package de.sipa.partners;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** The people of the partner network, for the records of processing. */
@Component
class PartnerProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("partnerNetwork", Set.of("partners_person", "partners_person_district",
                "partners_membership", "partners_affiliation")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        // Organisations are reached through their functional mailboxes and phones; tombstones keep only ids.
        return Set.of("partners_partnership", "partners_partnership_logo", "partners_district",
                "partners_organisation", "partners_body", "partners_tombstone");
    }
}
