package de.sipa.partners;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.Accounts;
import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.Tenancy;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.NewAccount;
import de.sipa.identity.Role;
import de.sipa.shared.FederalState;
import de.sipa.shared.Images;
import de.sipa.shared.Letterhead;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.PublicHolidays;
import de.sipa.shared.RuleViolationException;

/** The partnerships (tenants) of an installation and their districts. */
@Service
@Transactional
public class Partnerships {

    public static final int LOGO_MAX_BYTES = 1024 * 1024;
    static final int LOGO_MAX_WIDTH = 900;
    static final int LOGO_MAX_HEIGHT = 300;

    private final PartnershipRepository partnerships;
    private final OrganisationRepository organisations;
    private final Accounts accounts;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final Tenancy tenancy;
    private final ApplicationEventPublisher events;

    Partnerships(PartnershipRepository partnerships, OrganisationRepository organisations, Accounts accounts,
            AuditTrail auditTrail, Clock clock, Tenancy tenancy, ApplicationEventPublisher events) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.accounts = accounts;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.tenancy = tenancy;
        this.events = events;
    }

    @PreAuthorize(PartnerPermissions.ADMINISTER)
    public PartnershipId create(NewPartnership partnership) {
        tenancy.acrossPartnerships();
        if (partnerships.findBySlug(partnership.slug()).isPresent()) {
            throw new RuleViolationException("partnership.slug.taken", partnership.slug());
        }
        if (accounts.exists(partnership.coordinatorUsername())) {
            throw new RuleViolationException("account.username.taken", partnership.coordinatorUsername());
        }
        var id = found(partnership.slug(), partnership.name(), partnership.federalState(), partnership.districtNames());
        var office = OrganisationId.random();
        organisations.insert(id, office, new OrganisationDetails(partnership.coordinationOffice(),
                OrganisationKind.CITY_ADMINISTRATION, null, null, null, null, null, null, null, true));
        accounts.open(new NewAccount(id, office, partnership.coordinatorUsername(), partnership.coordinatorName(),
                partnership.coordinatorEmail(), partnership.coordinatorPassword(), Role.COORDINATOR));
        auditTrail.record(id, AuditAction.CREATED, "Partnership", id,
                "Sicherheitspartnerschaft " + partnership.name() + " mit " + partnership.districtNames().size()
                        + " Stadtbezirken angelegt");
        events.publishEvent(new PartnershipFounded(id, partnership.federalState()));
        return id;
    }

    /** Creates a partnership and its districts; for the installation's bootstrap and demo data, which run before any login. */
    PartnershipId found(String slug, String name, FederalState federalState, List<String> districtNames) {
        var id = PartnershipId.random();
        partnerships.insert(new Partnership(id, slug, name, federalState));
        for (int i = 0; i < districtNames.size(); i++) {
            partnerships.insertDistrict(id, new District(DistrictId.random(), districtNames.get(i), i + 1, null));
        }
        return id;
    }

    @PreAuthorize(PartnerPermissions.ADMINISTER)
    @Transactional(readOnly = true)
    public List<Partnership> all() {
        return partnerships.all();
    }

    @Transactional(readOnly = true)
    public Partnership mine() {
        var id = CurrentUser.partnership();
        return partnerships.find(id).orElseThrow(() -> new NotFoundException("Partnership", id));
    }

    /** The coordination names the Land of its partnership, whose public holidays count from now on. */
    @PreAuthorize(PartnerPermissions.MANAGE)
    public void changeFederalState(FederalState federalState) {
        if (federalState == null) {
            throw new RuleViolationException("partnership.federalState.required");
        }
        var partnership = mine();
        if (partnership.federalState() == federalState) {
            return;
        }
        partnerships.updateFederalState(partnership.id(), federalState);
        auditTrail.record(AuditAction.CHANGED, "Partnership", partnership.id(),
                "Land " + partnership.federalState() + " → " + federalState);
    }

    /**
     * The public holidays of a partnership's Land, for deadlines in working days and patrol plans. Also for public
     * intake, hence no login needed.
     */
    @Transactional(readOnly = true)
    public PublicHolidays holidays(PartnershipId partnership) {
        return PublicHolidays.of(partnerships.federalStateCached(partnership)
                .orElseThrow(() -> new NotFoundException("Partnership", partnership)));
    }

    /** The head of the partnership's documents: its logo, if one was uploaded, and its name. */
    @Transactional(readOnly = true)
    public Letterhead letterhead() {
        return new Letterhead(mine().name(), logo().map(Images.Image::data).orElse(null));
    }

    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public Optional<Images.Image> logo() {
        return partnerships.logo(CurrentUser.partnership());
    }

    /**
     * Sets the logo for the letterhead: JPEG or PNG up to {@link #LOGO_MAX_BYTES}, re-encoded and scaled down to
     * {@link #LOGO_MAX_WIDTH} × {@link #LOGO_MAX_HEIGHT} pixels, which prints sharply at the letterhead's size.
     */
    @PreAuthorize(PartnerPermissions.MANAGE)
    public void uploadLogo(byte[] image) {
        var logo = Images.reencoded(image, LOGO_MAX_BYTES, LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT, "partnership.logo");
        partnerships.saveLogo(CurrentUser.partnership(), logo, CurrentUser.get().username(), clock.instant());
        auditTrail.record(AuditAction.CHANGED, "Partnership", CurrentUser.partnership(),
                "Logo für den Briefkopf hochgeladen (" + logo.contentType() + ", " + logo.data().length / 1024
                        + " KB)");
    }

    @PreAuthorize(PartnerPermissions.MANAGE)
    public void removeLogo() {
        if (partnerships.removeLogo(CurrentUser.partnership())) {
            auditTrail.record(AuditAction.DELETED, "Partnership", CurrentUser.partnership(),
                    "Logo des Briefkopfs entfernt");
        }
    }

    /**
     * For public entry points (citizen pages, Open311) that name the partnership in the URL. Mostly answered from
     * memory, so it opens no transaction of its own (and takes no connection) unless the caller has one.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<Partnership> bySlug(String slug) {
        return partnerships.findBySlugCached(slug);
    }

    /** For public pages that know the partnership from a link rather than by its slug (a report's status link). */
    @Transactional(readOnly = true)
    public Optional<Partnership> find(PartnershipId id) {
        return partnerships.find(id);
    }

    /** All partnerships, for the public OParl API where each is a Body. */
    @Transactional(readOnly = true)
    public List<Published<Partnership>> published() {
        return partnerships.published();
    }

    /** The partnership of an installation that hosts exactly one; empty when it hosts several. */
    @Transactional(readOnly = true)
    public Optional<Partnership> onlyOne() {
        var all = partnerships.cachedAll();
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /**
     * Which district of the partnership a point lies in, and whether it is within {@code margin} metres of a
     * boundary. For public intake too, hence no login needed.
     */
    @Transactional(readOnly = true)
    public DistrictLocation locate(PartnershipId partnership, double latitude, double longitude, double margin) {
        DistrictId containing = null;
        var nearby = new java.util.ArrayList<DistrictId>();
        for (var district : partnerships.districtsCached(partnership)) {
            if (!district.hasBoundary()) {
                continue;
            }
            var geometry = DistrictGeometry.of(district.boundary());
            boolean inside = geometry.contains(latitude, longitude);
            if (inside && containing == null) {
                containing = district.id();
            }
            if (inside || geometry.distanceToBoundary(latitude, longitude) <= margin) {
                nearby.add(district.id());
            }
        }
        return new DistrictLocation(Optional.ofNullable(containing), List.copyOf(nearby));
    }

    /** The districts of a partnership named in a public request. */
    @Transactional(readOnly = true)
    public List<District> districtsOf(PartnershipId partnership) {
        return partnerships.districtsCached(partnership);
    }

    @Transactional(readOnly = true)
    public List<District> districts() {
        return partnerships.districts(CurrentUser.partnership());
    }

    @Transactional(readOnly = true)
    public District district(DistrictId id) {
        return partnerships.district(CurrentUser.partnership(), id)
                .orElseThrow(() -> new NotFoundException("District", id));
    }

    @PreAuthorize(PartnerPermissions.MANAGE)
    public DistrictId addDistrict(String name) {
        var partnership = CurrentUser.partnership();
        var existing = partnerships.districts(partnership);
        var clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 120) {
            throw new RuleViolationException("district.name.invalid");
        }
        if (existing.stream().anyMatch(d -> d.name().equalsIgnoreCase(clean))) {
            throw new RuleViolationException("district.name.taken", clean);
        }
        var id = DistrictId.random();
        partnerships.insertDistrict(partnership, new District(id, clean, existing.size() + 1, null));
        auditTrail.record(AuditAction.CREATED, "District", id, "Stadtbezirk " + clean + " angelegt");
        return id;
    }

    /** Sets or clears ({@code null}) the boundary of a district; the GeoJSON must be a Polygon or MultiPolygon. */
    @PreAuthorize(PartnerPermissions.MANAGE)
    public void drawBoundary(DistrictId id, String geoJson) {
        var district = district(id);
        var boundary = geoJson == null || geoJson.isBlank() ? null : DistrictBoundary.validated(geoJson);
        partnerships.updateBoundary(CurrentUser.partnership(), id, boundary);
        auditTrail.record(AuditAction.CHANGED, "District", id,
                "Grenze des Stadtbezirks " + district.name() + (boundary == null ? " entfernt" : " gezeichnet"));
    }
}
