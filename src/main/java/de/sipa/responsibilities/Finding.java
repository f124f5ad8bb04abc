package de.sipa.responsibilities;

import java.util.List;
import java.util.Set;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/**
 * Something in the matrix that needs a decision.
 *
 * @param districts where it holds; with {@code everywhere} it holds in every district
 * @param timeWindows when it holds; empty means outside all time windows (or all day, if there are none)
 * @param organisations the leads of an overlap, or the organisation of an entry finding
 * @param entry the entry concerned, for entry findings
 */
public record Finding(FindingKind kind, TopicId topic, List<DistrictId> districts, boolean everywhere,
        Set<TimeWindowId> timeWindows, List<OrganisationId> organisations, EntryId entry) {
}
