package de.sipa.responsibilities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import de.sipa.partners.DistrictId;

/**
 * A review of responsibilities (Aufgabenkritik).
 *
 * @param topics the topics under review; empty for all
 * @param districts the districts under review; empty for all (city-wide entries are always included)
 */
public record Review(ReviewId id, String title, LocalDate deadline, ReviewStatus status, Set<TopicId> topics,
        Set<DistrictId> districts, String openedBy, Instant openedAt, Instant submittedAt, Instant closedAt,
        Long appliedChange) {

    public boolean isOpen() {
        return status == ReviewStatus.OPEN;
    }

    public boolean covers(MatrixEntry entry) {
        return (topics.isEmpty() || topics.contains(entry.topic()))
                && (districts.isEmpty() || entry.district() == null || districts.contains(entry.district()));
    }
}
