package de.sipa.meetings;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters of the follow-up board; all optional.
 *
 * @param state "open" (default), "done" (done or dropped) or "all"
 * @param overdueOn only items open and due before that day
 * @param dueFrom only items due on or after that day
 * @param dueTo only items due on or before that day
 */
public record FollowUpQuery(UUID owner, UUID body, String state, LocalDate overdueOn, LocalDate dueFrom,
        LocalDate dueTo) {

    public static final FollowUpQuery OPEN = new FollowUpQuery(null, null, "open", null);

    public FollowUpQuery(UUID owner, UUID body, String state, LocalDate overdueOn) {
        this(owner, body, state, overdueOn, null, null);
    }

    String statusCondition() {
        return switch (state == null ? "open" : state) {
            case "all" -> "";
            case "done" -> " AND a.status IN ('DONE', 'DROPPED')";
            default -> " AND a.status IN ('OPEN', 'IN_PROGRESS')";
        };
    }
}
