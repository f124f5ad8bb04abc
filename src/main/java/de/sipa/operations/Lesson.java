package de.sipa.operations;

import java.time.LocalDate;
import java.util.UUID;

import de.sipa.meetings.ActionItemId;
import de.sipa.shared.OrganisationId;

/** A lesson learned in a debrief; it became the action item for its owner and goes into the next plan. */
public record Lesson(UUID id, String text, OrganisationId owner, LocalDate dueOn, ActionItemId actionItem) {
}
