package de.sipa.reports;

import java.time.Instant;
import java.util.List;

/**
 * Filters over the public reports of a partnership (Open311 GET requests). With {@code publicIds} all other filters
 * are ignored.
 *
 * @param categoryCodes empty: all categories
 * @param closed {@code null}: open and closed ones
 * @param radiusMetres with {@code latitude} and {@code longitude}: only reports within this distance
 */
public record PublicReportQuery(List<String> publicIds, List<String> categoryCodes, Boolean closed, Instant submittedFrom,
        Instant submittedTo, Instant updatedAfter, Double latitude, Double longitude, Double radiusMetres, int limit,
        int offset) {

    public PublicReportQuery {
        publicIds = publicIds == null ? List.of() : List.copyOf(publicIds);
        categoryCodes = categoryCodes == null ? List.of() : List.copyOf(categoryCodes);
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit " + limit + ", offset " + offset);
        }
    }
}
