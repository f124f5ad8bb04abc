package de.sipa.operations;

import java.time.Clock;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.DistrictBoundary;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Partnerships;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/** Major events and natural events the partners prepare for: when, where, how many people, how risky. */
@Service
@Transactional
public class Events {

    private final EventRepository events;
    private final Partnerships partnerships;
    private final AuditTrail auditTrail;
    private final Clock clock;

    Events(EventRepository events, Partnerships partnerships, AuditTrail auditTrail, Clock clock) {
        this.events = events;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public Page<Event> page(EventKind kind, boolean upcoming, Pageable pageable) {
        return events.page(CurrentUser.partnership(), kind, upcoming, clock.instant(), pageable);
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public Event get(EventId id) {
        return events.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Event", id));
    }

    /** The events in a district, the latest first (for the district's profile in the situation picture). */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public java.util.List<Event> inDistrict(DistrictId district) {
        return events.all(CurrentUser.partnership()).stream().filter(e -> district.equals(e.district())).toList();
    }

    @PreAuthorize(OperationPermissions.PLAN)
    public EventId plan(EventDetails details) {
        var event = event(EventId.random(), details);
        events.insert(CurrentUser.partnership(), event, clock.instant());
        auditTrail.record(AuditAction.CREATED, "Event", event.id(), "Veranstaltung/Ereignis: " + event.name());
        return event.id();
    }

    @PreAuthorize(OperationPermissions.PLAN)
    public void update(EventId id, EventDetails details) {
        get(id);
        var event = event(id, details);
        events.update(CurrentUser.partnership(), event, clock.instant());
        auditTrail.record(AuditAction.CHANGED, "Event", id, "Veranstaltung/Ereignis geändert: " + event.name());
    }

    private Event event(EventId id, EventDetails details) {
        var zone = clock.getZone();
        var startsAt = details.startsAt().atZone(zone).toInstant();
        var endsAt = details.endsAt().atZone(zone).toInstant();
        if (!endsAt.isAfter(startsAt)) {
            throw new RuleViolationException("event.period.invalid");
        }
        DistrictId district = null;
        if (details.districtId() != null) {
            district = partnerships.district(new DistrictId(details.districtId())).id();
        }
        var area = details.area() == null || details.area().isBlank() ? null
                : DistrictBoundary.validated(details.area());
        return new Event(id, details.type(), details.name().strip(), startsAt, endsAt, district, area,
                details.expectedAttendance(), details.riskLevel(), blankToNull(details.riskAssessment()));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
