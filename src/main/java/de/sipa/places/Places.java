package de.sipa.places;

import java.time.Clock;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Partnerships;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/** The partnership's places with a security deficit. */
@Service
@Transactional
public class Places {

    private final PlaceRepository places;
    private final Partnerships partnerships;
    private final AuditTrail auditTrail;
    private final Clock clock;

    Places(PlaceRepository places, Partnerships partnerships, AuditTrail auditTrail, Clock clock) {
        this.places = places;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public List<Place> places() {
        return places.all(CurrentUser.partnership());
    }

    /** The places whose area may meet the box {west, south, east, north} (a map's viewport). */
    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public List<Place> within(double[] box) {
        return places.within(CurrentUser.partnership(), box);
    }

    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public Place place(PlaceId id) {
        return places.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Place", id));
    }

    /** A new place, observed; without a district it gets the one its centre lies in. */
    @PreAuthorize(PlacePermissions.EDIT)
    public PlaceId create(PlaceDraft draft) {
        var partnership = CurrentUser.partnership();
        var place = checked(PlaceId.random(), draft, PlaceStatus.OBSERVED, false);
        places.insert(partnership, place, clock.instant());
        auditTrail.record(AuditAction.CREATED, "Place", place.id(),
                auditTrail.summary("audit.place.created", place.name()));
        return place.id();
    }

    /** Changes what was drawn and described; status and publication stay. */
    @PreAuthorize(PlacePermissions.EDIT)
    public void change(PlaceId id, PlaceDraft draft) {
        var old = place(id);
        var place = checked(id, draft, old.status(), old.published());
        places.update(CurrentUser.partnership(), place, clock.instant());
        auditTrail.record(AuditAction.CHANGED, "Place", id, auditTrail.summary("audit.place.changed", place.name()));
    }

    @PreAuthorize(PlacePermissions.EDIT)
    public void changeStatus(PlaceId id, PlaceStatus status) {
        var old = place(id);
        if (old.status() == status) {
            return;
        }
        places.update(CurrentUser.partnership(), withStatus(old, status, old.published()), clock.instant());
        auditTrail.record(AuditAction.CHANGED, "Place", id,
                auditTrail.summary("audit.place.status", old.name(),
                        auditTrail.summary("place.status." + status.name())));
    }

    /** Shows the place, its concept and progress to the citizens on a public page, or takes it back. */
    @PreAuthorize(PlacePermissions.PUBLISH)
    public void publish(PlaceId id, boolean published) {
        var old = place(id);
        if (old.published() == published) {
            return;
        }
        places.update(CurrentUser.partnership(), withStatus(old, old.status(), published), clock.instant());
        auditTrail.record(AuditAction.CHANGED, "Place", id,
                auditTrail.summary(published ? "audit.place.published" : "audit.place.withdrawn", old.name()));
    }

    /** A published place for its public page (no login); unpublished and unknown places are not found. */
    @Transactional(readOnly = true)
    public java.util.Optional<Place> published(de.sipa.shared.PartnershipId partnership, PlaceId id) {
        return places.find(partnership, id).filter(Place::published);
    }

    /** The partnership's published places by name, for the public list (no login). */
    @Transactional(readOnly = true)
    public List<Place> published(de.sipa.shared.PartnershipId partnership) {
        return places.all(partnership).stream().filter(Place::published)
                .sorted(java.util.Comparator.comparing(p -> p.name().toLowerCase(java.util.Locale.GERMAN))).toList();
    }

    private static Place withStatus(Place old, PlaceStatus status, boolean published) {
        return new Place(old.id(), old.name(), old.district(), old.deficit(), old.description(),
                old.ownerOrganisation(), old.ownerName(), status, old.origin(), old.shape(), published,
                old.createdAt());
    }

    private Place checked(PlaceId id, PlaceDraft draft, PlaceStatus status, boolean published) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new RuleViolationException("place.name.invalid");
        }
        var partnership = CurrentUser.partnership();
        if (places.nameTaken(partnership, name, id)) {
            throw new RuleViolationException("place.name.taken", name);
        }
        if (draft.deficit() == null) {
            throw new RuleViolationException("place.deficit.required");
        }
        String ownerName = draft.ownerName() == null || draft.ownerName().isBlank() ? null : draft.ownerName().strip();
        if (ownerName != null && ownerName.length() > 200) {
            throw new RuleViolationException("place.owner.tooLong");
        }
        var shape = PlaceShape.of(draft.geometry(), draft.radiusMetres());
        var district = draft.district();
        if (district != null) {
            partnerships.district(district); // refuses another partnership's district
        } else {
            district = districtAt(shape);
        }
        return new Place(id, name, district, draft.deficit(),
                draft.description() == null ? "" : draft.description().strip(), draft.ownerOrganisation(),
                ownerName, status, draft.origin() == null ? PlaceOrigin.MANUAL : draft.origin(), shape, published,
                clock.instant());
    }

    /** The district whose drawn boundary holds the place's centre, if any. */
    private DistrictId districtAt(PlaceShape shape) {
        var centre = shape.outline().getInteriorPoint();
        var reader = new GeoJsonReader(new GeometryFactory());
        for (var district : partnerships.districts()) {
            if (district.boundary() == null) {
                continue;
            }
            Geometry boundary;
            try {
                boundary = reader.read(district.boundary());
            } catch (ParseException | RuntimeException e) {
                continue; // checked when it was drawn; an unreadable one simply holds no place
            }
            if (boundary.covers(centre)) {
                return district.id();
            }
        }
        return null;
    }
}
