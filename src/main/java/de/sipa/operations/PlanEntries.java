package de.sipa.operations;

import java.time.LocalDateTime;
import java.util.UUID;

/** The forms for the entries of a deployment plan; the facade checks them. */
public final class PlanEntries {

    private PlanEntries() {
    }

    public record SectionForm(String name, String description, UUID organisation, UUID lead) {
    }

    public record TaskForm(UUID organisation, TaskCategory category, String title, String section) {
    }

    public record ContactForm(UUID organisation, String name, String function, String phone, String radioChannel) {
    }

    public record PhaseForm(String name, LocalDateTime startsAt, LocalDateTime endsAt, String description) {
    }
}
