package de.sipa.networks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.Tenancy;
import de.sipa.places.PlaceId;
import de.sipa.places.Places;
import de.sipa.places.SafetyConcepts;
import de.sipa.prevention.PreventionProjects;
import de.sipa.prevention.ProjectId;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;
import de.sipa.surveys.SurveyWaveId;
import de.sipa.surveys.Surveys;

/**
 * Networks and membership: a partnership's coordination founds the network it hosts, joins a network or leaves it, and
 * chooses what it shares with the networks it is a member of, and which projects and safety concepts it shares with
 * the whole installation.
 */
@Service
@Transactional
public class Networks {

    static final int MAX_TEXT = 200;

    private final NetworkRepository repository;
    private final PreventionProjects projects;
    private final Places places;
    private final SafetyConcepts concepts;
    private final Surveys surveys;
    private final Tenancy tenancy;
    private final AuditTrail auditTrail;
    private final Clock clock;

    Networks(NetworkRepository repository, PreventionProjects projects, Places places, SafetyConcepts concepts,
            Surveys surveys, Tenancy tenancy, AuditTrail auditTrail, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.places = places;
        this.concepts = concepts;
        this.surveys = surveys;
        this.tenancy = tenancy;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The network the current partnership hosts, if it coordinates one. */
    @Transactional(readOnly = true)
    public Optional<Network> hosted() {
        return CurrentUser.find().filter(u -> u.partnership() != null)
                .flatMap(u -> repository.hostedBy(u.partnership()));
    }

    /** The current partnership's coordination founds the network it hosts (a county, a region, a Land programme). */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public NetworkId found(String name, NetworkKind kind) {
        var text = name == null ? "" : name.strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new RuleViolationException("network.name.invalid");
        }
        if (kind == null) {
            throw new RuleViolationException("network.kind.required");
        }
        if (hosted().isPresent()) {
            throw new RuleViolationException("network.alreadyHosted");
        }
        var network = new Network(NetworkId.random(), CurrentUser.partnership(), text, kind);
        repository.insert(network);
        auditTrail.record(AuditAction.CREATED, "Network", network.id(), text);
        return network.id();
    }

    /** The networks the current partnership is a member of. */
    @Transactional(readOnly = true)
    public List<Network> memberships() {
        tenancy.acrossPartnerships();
        return repository.memberships(CurrentUser.partnership());
    }

    /** The networks of the installation the current partnership could join (not its own, not joined yet). */
    @PreAuthorize(NetworkPermissions.MANAGE)
    @Transactional(readOnly = true)
    public List<Network> joinable() {
        tenancy.acrossPartnerships();
        var mine = CurrentUser.partnership();
        var joined = repository.memberships(mine);
        return repository.all().stream().filter(n -> !n.host().equals(mine) && !joined.contains(n)).toList();
    }

    @PreAuthorize(NetworkPermissions.MANAGE)
    public void join(NetworkId id) {
        tenancy.acrossPartnerships();
        var network = repository.find(id).orElseThrow(() -> new NotFoundException("Network", id));
        if (network.host().equals(CurrentUser.partnership())) {
            throw new RuleViolationException("network.joinOwn");
        }
        repository.join(CurrentUser.partnership(), id, LocalDate.now(clock));
        auditTrail.record(AuditAction.CHANGED, "Network", id,
                auditTrail.summary("audit.network.joined", network.name()));
    }

    /** Leaving ends every share with the network at once. */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public void leave(NetworkId id) {
        var network = member(id);
        repository.leave(CurrentUser.partnership(), id);
        auditTrail.record(AuditAction.CHANGED, "Network", id, auditTrail.summary("audit.network.left", network.name()));
    }

    /** What the current partnership shares with a network it is a member of. */
    @Transactional(readOnly = true)
    public List<Share> shares(NetworkId id) {
        member(id);
        return repository.shares(CurrentUser.partnership(), id);
    }

    /** Shares the contact point's key figures with the network (aggregated, small cells suppressed). */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public void shareKeyFigures(NetworkId id) {
        member(id);
        repository.share(new Share(UUID.randomUUID(), CurrentUser.partnership(), id, ShareKind.KEY_FIGURES, null, null));
        auditTrail.record(AuditAction.CHANGED, "Network", id, auditTrail.summary("audit.network.sharesKeyFigures"));
    }

    /**
     * Shares one of the partnership's prevention projects with the network, with the contact to ask about it (a
     * function or office; the project's own contact person is not passed on unless entered here).
     */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public void shareProject(NetworkId id, ProjectId project, String contact) {
        member(id);
        var shared = projects.project(project); // refuses another partnership's project
        repository.share(new Share(UUID.randomUUID(), CurrentUser.partnership(), id, ShareKind.PROJECT,
                project.value(), contact(contact)));
        auditTrail.record(AuditAction.CHANGED, "Network", id, sharing(ShareKind.PROJECT, shared.title()));
    }

    /**
     * Shares one of the partnership's published places with the network, with its evaluation (whether the measures
     * worked); a place not published for the citizens stays internal. Taking the place back from the public pages
     * takes it from the network too.
     */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public void sharePlace(NetworkId id, PlaceId place, String contact) {
        member(id);
        var shared = places.place(place); // refuses another partnership's place
        if (!shared.published()) {
            throw new RuleViolationException("network.place.notPublished");
        }
        repository.share(new Share(UUID.randomUUID(), CurrentUser.partnership(), id, ShareKind.PLACE, place.value(),
                contact(contact)));
        auditTrail.record(AuditAction.CHANGED, "Network", id, sharing(ShareKind.PLACE, shared.name()));
    }

    /**
     * Shares the safety concept of one of the partnership's places with the network, for its catalogue: the goals and
     * the measures (what, not who: no organisation, no dates), with the contact to ask about it. The place need not be
     * published; a concept without goals or measures has nothing to share.
     */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public void shareConcept(NetworkId id, PlaceId place, String contact) {
        member(id);
        var concept = concepts.concept(place); // refuses another partnership's place
        if (concept.empty()) {
            throw new RuleViolationException("network.concept.empty");
        }
        repository.share(new Share(UUID.randomUUID(), CurrentUser.partnership(), id, ShareKind.SAFETY_CONCEPT,
                place.value(), contact(contact)));
        auditTrail.record(AuditAction.CHANGED, "Network", id,
                sharing(ShareKind.SAFETY_CONCEPT, concept.place().name()));
    }

    /** Shares the results of a finished survey wave (small cells suppressed, as for an export). */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public void shareSurvey(NetworkId id, SurveyWaveId wave) {
        member(id);
        var shared = surveys.wave(wave); // refuses another partnership's wave
        if (!finished(shared)) {
            throw new RuleViolationException("network.survey.notFinished");
        }
        repository.share(new Share(UUID.randomUUID(), CurrentUser.partnership(), id, ShareKind.SURVEY, wave.value(),
                null));
        auditTrail.record(AuditAction.CHANGED, "Network", id, sharing(ShareKind.SURVEY, shared.title()));
    }

    /** Whether a wave's results are final: ended by the coordination or past its last day. */
    public boolean finished(de.sipa.surveys.SurveyWave wave) {
        return wave.closed() || wave.closesOn().isBefore(LocalDate.now(clock));
    }

    /** Shares the annual reports the partnership publishes on its public pages (the network links to them). */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public void shareAnnualReports(NetworkId id) {
        member(id);
        repository.share(new Share(UUID.randomUUID(), CurrentUser.partnership(), id, ShareKind.ANNUAL_REPORTS, null,
                null));
        auditTrail.record(AuditAction.CHANGED, "Network", id, auditTrail.summary("audit.network.sharesAnnualReports"));
    }

    /** The audit trail's summary of a share: "Projekt freigegeben: Sicher im Quartier". */
    private String sharing(ShareKind kind, String title) {
        return auditTrail.summary("audit.network.shares", auditTrail.label("network.share.", kind), title);
    }

    private static String contact(String contact) {
        var text = contact == null ? "" : contact.strip();
        if (text.length() > MAX_TEXT) {
            throw new RuleViolationException("network.contact.tooLong", MAX_TEXT);
        }
        return text.isEmpty() ? null : text;
    }

    /** What the current partnership shares with the whole installation (projects and safety concepts). */
    @PreAuthorize(NetworkPermissions.MANAGE)
    @Transactional(readOnly = true)
    public List<Share> installationShares() {
        return repository.installationShares(CurrentUser.partnership());
    }

    /**
     * Shares one of the partnership's prevention projects or a place's safety concept with the whole installation:
     * every partnership hosted here finds it in its catalogue of good practice, whether in a network with this one or
     * not. Figures, places, surveys and annual reports go to networks only.
     */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public void shareWithInstallation(ShareKind kind, UUID item, String contact) {
        if (item == null) {
            throw new RuleViolationException("network.item.required");
        }
        String title = switch (kind) {
            case PROJECT -> projects.project(new ProjectId(item)).title(); // refuses another partnership's project
            case SAFETY_CONCEPT -> {
                var concept = concepts.concept(new PlaceId(item)); // refuses another partnership's place
                if (concept.empty()) {
                    throw new RuleViolationException("network.concept.empty");
                }
                yield concept.place().name();
            }
            default -> throw new RuleViolationException("network.installation.kind");
        };
        var share = new Share(UUID.randomUUID(), CurrentUser.partnership(), null, kind, item, contact(contact));
        repository.share(share);
        auditTrail.record(AuditAction.CHANGED, "Share", item,
                auditTrail.summary("audit.network.sharesWithInstallation",
                        auditTrail.label("network.share.", kind), title));
    }

    @PreAuthorize(NetworkPermissions.MANAGE)
    public void unshareFromInstallation(ShareKind kind, UUID item) {
        repository.unshareFromInstallation(CurrentUser.partnership(), kind, item);
        auditTrail.record(AuditAction.CHANGED, "Share", item,
                auditTrail.summary("audit.network.unsharedFromInstallation", auditTrail.label("network.share.", kind)));
    }

    @PreAuthorize(NetworkPermissions.MANAGE)
    public void unshare(NetworkId id, ShareKind kind, UUID item) {
        member(id);
        repository.unshare(CurrentUser.partnership(), id, kind, item);
        auditTrail.record(AuditAction.CHANGED, "Network", id,
                auditTrail.summary("audit.network.unshared", auditTrail.label("network.share.", kind)));
    }

    private Network member(NetworkId id) {
        return memberships().stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Network", id));
    }
}
