package de.sipa.operations;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.sipa.partners.PersonId;
import de.sipa.shared.OrganisationId;

/**
 * One version of an event's Einsatzplan with all its entries. Entries keep their ids from version to version.
 */
public record DeploymentPlan(Version version, List<Section> sections, List<Task> tasks, List<Contact> contacts,
        List<Phase> phases, List<ChecklistItem> checklist, List<Approval> approvals) {

    public record Version(UUID id, EventId event, int number, PlanStatus status, Instant createdAt, String createdBy,
            Instant submittedAt, Instant approvedAt) {
    }

    /** An area or section of the event with the organisation responsible for it and its lead. */
    public record Section(UUID id, String name, String description, OrganisationId organisation, PersonId lead) {
    }

    public record Task(UUID id, OrganisationId organisation, TaskCategory category, String title, String section) {
    }

    /** How to reach someone during the event: phone and radio channel (Funkkanal). */
    public record Contact(UUID id, OrganisationId organisation, String name, String function, String phone,
            String radioChannel) {
    }

    public record Phase(UUID id, String name, Instant startsAt, Instant endsAt, String description) {
    }

    /** A lesson from an earlier event to be kept in mind while planning, e.g. from "Volksfest 2025". */
    public record ChecklistItem(UUID id, String text, String source, boolean done) {
    }

    public record Approval(OrganisationId organisation, String approvedBy, Instant approvedAt) {
    }

    /** The organisations responsible for a section or a task: they approve the plan and write the log. */
    public Set<OrganisationId> involved() {
        var involved = new LinkedHashSet<OrganisationId>();
        sections.forEach(s -> involved.add(s.organisation()));
        tasks.forEach(t -> involved.add(t.organisation()));
        return involved;
    }

    /** The involved organisations that have not approved this version yet. */
    public Set<OrganisationId> missingApprovals() {
        var missing = involved();
        approvals.forEach(a -> missing.remove(a.organisation()));
        return missing;
    }

    public boolean approvedBy(OrganisationId organisation) {
        return approvals.stream().anyMatch(a -> a.organisation().equals(organisation));
    }
}
