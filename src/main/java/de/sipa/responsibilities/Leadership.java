package de.sipa.responsibilities;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import de.sipa.shared.OrganisationId;

/**
 * Who leads a topic at a place and time, who supports and who is informed. Without exactly one lead, the
 * concern goes to the coordinator.
 */
public record Leadership(List<OrganisationId> leads, Set<OrganisationId> supporters, Set<OrganisationId> informed) {

    static final Leadership NOBODY = new Leadership(List.of(), Set.of(), Set.of());

    public Leadership {
        leads = List.copyOf(leads);
        supporters = Set.copyOf(supporters);
        informed = Set.copyOf(informed);
    }

    /** The one lead organisation; empty for a gap or when several organisations claim the lead. */
    public Optional<OrganisationId> lead() {
        return leads.size() == 1 ? Optional.of(leads.get(0)) : Optional.empty();
    }

    public boolean goesToCoordinator() {
        return leads.size() != 1;
    }

    public boolean isGap() {
        return leads.isEmpty();
    }

    public boolean isOverlap() {
        return leads.size() > 1;
    }
}
