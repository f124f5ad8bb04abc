package de.sipa.places;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A site audit (Ortsbegehung) of a place: when, with whom, who recorded it, and each criterion rated so far.
 *
 * @param ratings by criterion, only those already saved
 */
public record SiteAudit(SiteAuditId id, PlaceId place, LocalDate walkedOn, String participants, String createdBy,
        Instant createdAt, Map<AuditCriterion, Rated> ratings) {

    /** One criterion's rating with its note, and who saved it when. */
    public record Rated(AuditRating rating, String note, String ratedBy, Instant ratedAt) {
    }

    public AuditRating rating(AuditCriterion criterion) {
        var rated = ratings.get(criterion);
        return rated == null ? null : rated.rating();
    }

    public boolean complete() {
        return ratings.size() == AuditCriterion.values().length;
    }
}
