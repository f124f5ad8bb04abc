package de.sipa.responsibilities;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.sipa.shared.OrganisationId;

/**
 * An entry under review, as it was when the review opened, with its organisation's answer (if given).
 *
 * @param entry the entry as it was when the review opened
 */
public record ReviewItem(UUID id, MatrixEntry entry, ReviewAnswer answer, OrganisationId proposedOrganisation,
        Responsibility proposedResponsibility, List<Resource> proposedResources, String reason, String answeredBy,
        Instant answeredAt) {

    public boolean answered() {
        return answer != null;
    }

    public OrganisationId organisation() {
        return entry.organisation();
    }
}
