package de.sipa.networks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.Tenancy;
import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.places.MeasureDraft;
import de.sipa.places.MeasureStatus;
import de.sipa.places.PlaceId;
import de.sipa.places.PlacePermissions;
import de.sipa.places.Places;
import de.sipa.places.SafetyConcepts;
import de.sipa.prevention.BeccariaStep;
import de.sipa.prevention.PreventionPermissions;
import de.sipa.prevention.PreventionProjects;
import de.sipa.prevention.ProjectDraft;
import de.sipa.prevention.ProjectId;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/**
 * The catalogue of shared practice: the prevention projects and the places' safety concepts the members of one's
 * networks share (or any partnership shares with the whole installation), and copying one as a template into one's own partnership. A copy of a project takes the planning
 * (field, target groups, summary, Beccaria steps 1 to 5, programme and evidence), a copy of a safety concept its goals
 * and measures (as planned measures of one of one's own places, in the care of one's own organisation), never people:
 * no lead, partner or responsible organisation, no contact person, no dates or costs of the other town's measures, and
 * e-mail addresses and telephone numbers in the texts are blanked.
 */
@Service
@Transactional
public class SharedPractice {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d /()-]{6,}\\d");
    static final String BLANKED = "[…]";

    private final NetworkRepository repository;
    private final Partnerships partnerships;
    private final PreventionProjects projects;
    private final Places places;
    private final SafetyConcepts concepts;
    private final Tenancy tenancy;

    SharedPractice(NetworkRepository repository, Partnerships partnerships, PreventionProjects projects, Places places,
            SafetyConcepts concepts, Tenancy tenancy) {
        this.repository = repository;
        this.partnerships = partnerships;
        this.projects = projects;
        this.places = places;
        this.concepts = concepts;
        this.tenancy = tenancy;
    }

    /**
     * The projects shared with every network the current partnership hosts or is a member of, and those shared with
     * the whole installation.
     */
    @PreAuthorize(NetworkPermissions.CATALOGUE)
    @Transactional(readOnly = true)
    public List<SharedProject> catalogue() {
        return sharedProjects(sharesOfMine(ShareKind.PROJECT));
    }

    /**
     * The shares of one kind the current partnership may see, each item once: those with the networks it hosts or is a
     * member of, then those with the whole installation. Opens the rows of all partnerships to read them.
     */
    private List<Share> sharesOfMine(ShareKind kind) {
        tenancy.acrossPartnerships();
        var mine = CurrentUser.partnership();
        var networks = new LinkedHashSet<Network>();
        repository.hostedBy(mine).ifPresent(networks::add);
        networks.addAll(repository.memberships(mine));
        var shares = new ArrayList<Share>();
        networks.forEach(n -> shares.addAll(repository.shares(n.id(), kind)));
        shares.addAll(repository.installationShares(kind));
        var seen = new HashSet<java.util.UUID>();
        return shares.stream().filter(s -> seen.add(s.item())).toList();
    }

    /** One entry of the catalogue; a project nobody shared with the current partnership's networks is not found. */
    @PreAuthorize(NetworkPermissions.CATALOGUE)
    @Transactional(readOnly = true)
    public SharedProject project(ProjectId id) {
        return catalogue().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Shared project", id));
    }

    /** Copies a shared project as a template into the current partnership, as an idea; returns the new project. */
    @PreAuthorize(PreventionPermissions.EDIT)
    public ProjectId copy(ProjectId id) {
        var template = project(id);
        tenancy.ownPartnershipOnly(); // the copy is written under row-level security again
        var mine = CurrentUser.partnership();
        var title = template.town().equals(mine) ? template.title() + " (Kopie)"
                : template.title() + " (" + template.townName() + ")";
        if (title.length() > 200) {
            title = title.substring(0, 200);
        }
        var draft = new ProjectDraft(title, null, List.of(), template.field(), template.targetGroups(),
                blanked(template.summary()), List.of(), List.of(), null, null, List.of(), "", template.evidence());
        var copy = projects.create(draft);
        for (var step : EnumSet.range(BeccariaStep.PROBLEM, BeccariaStep.IMPLEMENTATION)) {
            var texts = new LinkedHashMap<String, String>();
            template.steps().getOrDefault(step, Map.of()).forEach((field, text) -> {
                if (!field.equals(BeccariaStep.QUALITY_NOTE)) {
                    texts.put(field, blanked(text));
                }
            });
            if (!texts.isEmpty()) {
                projects.writeStep(copy, step, texts);
            }
        }
        return copy;
    }

    /** The projects the members of a network share with it; the caller reads across partnerships. */
    List<SharedProject> sharedProjects(NetworkId network) {
        return sharedProjects(repository.shares(network, ShareKind.PROJECT));
    }

    /** The shared projects as their towns have them now; a project deleted since it was shared is left out. */
    private List<SharedProject> sharedProjects(List<Share> shares) {
        var shared = new ArrayList<SharedProject>();
        var names = new LinkedHashMap<PartnershipId, String>();
        for (var share : shares) {
            var town = share.member();
            var name = names.computeIfAbsent(town, t -> partnerships.find(t).map(Partnership::name).orElse(""));
            try {
                var p = NetworkRollUp.asTown(town, () -> projects.project(new ProjectId(share.item())));
                var steps = new LinkedHashMap<BeccariaStep, Map<String, String>>();
                for (var step : EnumSet.range(BeccariaStep.PROBLEM, BeccariaStep.IMPLEMENTATION)) {
                    var texts = new LinkedHashMap<>(p.step(step));
                    texts.remove(BeccariaStep.QUALITY_NOTE);
                    steps.put(step, texts);
                }
                shared.add(new SharedProject(p.id(), town, name, p.title(), p.field(), p.targetGroups(), p.summary(),
                        p.status(), p.evidence(), steps, share.contact()));
            } catch (NotFoundException deleted) {
                // the town deleted the project since it shared it: nothing to show
            }
        }
        return shared;
    }

    /**
     * The safety concepts shared with every network the current partnership hosts or is a member of, and those shared
     * with the whole installation.
     */
    @PreAuthorize(NetworkPermissions.CATALOGUE)
    @Transactional(readOnly = true)
    public List<SharedConcept> concepts() {
        var all = new ArrayList<SharedConcept>();
        for (var share : sharesOfMine(ShareKind.SAFETY_CONCEPT)) {
            sharedConcept(share).ifPresent(all::add);
        }
        return all;
    }

    /** One safety concept of the catalogue; a concept nobody shared with the current partnership's networks is not found. */
    @PreAuthorize(NetworkPermissions.CATALOGUE)
    @Transactional(readOnly = true)
    public SharedConcept concept(PlaceId id) {
        return concepts().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Shared safety concept", id));
    }

    /**
     * Copies a shared safety concept as a template into the concept of one of the current partnership's places: its
     * goals after the place's own, its measures (but dropped ones) as planned, undated and without cost, in the care of
     * one of the partnership's organisations until someone takes them on. Returns the place.
     */
    @PreAuthorize(PlacePermissions.EDIT)
    public PlaceId copyConcept(PlaceId template, PlaceId into, OrganisationId responsible) {
        var shared = concept(template);
        tenancy.ownPartnershipOnly(); // the copy is written under row-level security again
        if (into == null) {
            throw new RuleViolationException("network.concept.place.required");
        }
        if (responsible == null) {
            throw new RuleViolationException("measure.organisation.required");
        }
        var place = places.place(into); // refuses another partnership's place
        var measures = shared.measures().stream().filter(m -> m.status() != MeasureStatus.DROPPED)
                .map(m -> new MeasureDraft(m.kind(), m.title(), m.description(), m.legalBasis(), responsible, null,
                        null, null, MeasureStatus.PLANNED))
                .toList();
        concepts.adopt(place.id(), shared.goals(), measures);
        return place.id();
    }

    /** A shared concept as its town has it now; empty where the town deleted the place since it shared it. */
    private Optional<SharedConcept> sharedConcept(Share share) {
        var town = share.member();
        var name = partnerships.find(town).map(Partnership::name).orElse("");
        try {
            var concept = NetworkRollUp.asTown(town, () -> concepts.concept(new PlaceId(share.item())));
            var measures = concept.measures().stream().map(m -> new SharedConcept.SharedMeasure(m.kind(),
                    blanked(m.title()), blanked(m.description()), blanked(m.legalBasis()), m.costEuros(), m.status()))
                    .toList();
            var place = concept.place();
            return Optional.of(new SharedConcept(place.id(), town, name, place.name(), place.deficit(),
                    blanked(place.description()), concept.goals().stream().map(SharedPractice::blanked).toList(),
                    measures, share.contact()));
        } catch (NotFoundException deleted) {
            return Optional.empty();
        }
    }

    static String blanked(String text) {
        if (text == null) {
            return null;
        }
        return PHONE.matcher(EMAIL.matcher(text).replaceAll(BLANKED)).replaceAll(BLANKED);
    }
}
