package de.sipa.operations;

import java.time.Instant;

import de.sipa.partners.DistrictId;

/**
 * A major or natural event the partners prepare for together.
 *
 * @param area GeoJSON Polygon in WGS84, or {@code null} while none is drawn
 */
public record Event(EventId id, EventType type, String name, Instant startsAt, Instant endsAt, DistrictId district,
        String area, Integer expectedAttendance, RiskLevel riskLevel, String riskAssessment) {

    public EventKind kind() {
        return type.kind();
    }

    public boolean endedBy(Instant instant) {
        return !endsAt.isAfter(instant);
    }
}
