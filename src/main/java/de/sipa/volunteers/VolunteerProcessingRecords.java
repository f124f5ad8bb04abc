package de.sipa.volunteers;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/**
 * The citizens who sign up as volunteers: name, e-mail, phone, message, consent, status, assignment and hours, until
 * the retention after the engagement; an offer names the contact person only by the partners' id.
 */
@Component
class VolunteerProcessingRecords implements ProcessingRecords {

    private final VolunteerRetention retention;

    VolunteerProcessingRecords(VolunteerRetention retention) {
        this.retention = retention;
    }

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("volunteers", Set.of("volunteers_sign_up"),
                List.of(retention.confirmationHours(), retention.days())));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("volunteers_offer");
    }
}
