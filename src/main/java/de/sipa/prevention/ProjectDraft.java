package de.sipa.prevention;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import de.sipa.partners.DistrictId;
import de.sipa.places.PlaceId;
import de.sipa.shared.OrganisationId;

/** What a person enters for a new or changed project; the status and the Beccaria steps change by their own verbs. */
public record ProjectDraft(String title, OrganisationId lead, List<OrganisationId> partners, PreventionField field,
        Set<TargetGroup> targetGroups, String summary, List<DistrictId> districts, List<PlaceId> places,
        LocalDate startsOn, LocalDate endsOn, List<Funding> funding, String contactPerson, Evidence evidence) {
}
