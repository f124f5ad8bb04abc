package de.sipa.responsibilities;

import java.util.Arrays;
import java.util.List;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/**
 * One cell of the matrix: an organisation's responsibility for a topic, city-wide or in one district, all day
 * or in one time window.
 *
 * @param district {@code null} for the whole partnership area
 * @param timeWindow {@code null} for all day
 */
public record MatrixEntry(EntryId id, TopicId topic, DistrictId district, TimeWindowId timeWindow,
        OrganisationId organisation, Responsibility responsibility, List<Resource> resources, String note) {

    public MatrixEntry {
        resources = List.copyOf(resources);
    }

    public boolean cityWide() {
        return district == null;
    }

    public boolean allDay() {
        return timeWindow == null;
    }

    /** What makes two entries the same assignment: topic, place, time, organisation and responsibility. */
    List<Object> assignment() {
        return Arrays.asList(topic, district, timeWindow, organisation, responsibility);
    }

    public EntryDetails details(String reason) {
        return new EntryDetails(topic.value(), district == null ? null : district.value(),
                timeWindow == null ? null : timeWindow.value(), organisation.value(), responsibility,
                Resource.formatAll(resources), note, reason);
    }
}
