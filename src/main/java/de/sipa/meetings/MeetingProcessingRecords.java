package de.sipa.meetings;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** Meetings, minutes and action items, for the records of processing. */
@Component
class MeetingProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("meetings", Set.of("meetings_attendance", "meetings_minutes",
                "meetings_minutes_text", "meetings_minutes_comment", "meetings_agenda_item",
                "meetings_agenda_proposal", "meetings_decision", "meetings_action_item", "meetings_action_progress",
                "meetings_material", "meetings_calendar_feed")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        // The chair's office mailbox is a functional address of the partnership.
        return Set.of("meetings_meeting", "meetings_series", "meetings_quorum_rule", "meetings_decision_counter",
                "meetings_agenda_link", "meetings_office_mailbox");
    }
}
