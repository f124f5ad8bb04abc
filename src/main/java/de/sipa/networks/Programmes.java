package de.sipa.networks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.Tenancy;
import de.sipa.partners.Bodies;
import de.sipa.partners.BodyDetails;
import de.sipa.partners.BodyKind;
import de.sipa.partners.PartnershipFounded;
import de.sipa.partners.Partnerships;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.TopicDetails;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;
import de.sipa.surveys.Questionnaire;
import de.sipa.surveys.QuestionnaireId;
import de.sipa.surveys.Section;
import de.sipa.surveys.StandardItems;
import de.sipa.surveys.Surveys;

/**
 * A Land programme as a template for its partnerships: the programme network's coordination defines it; a member
 * applies it to itself on request, and a partnership founded in the programme's Land joins the programme and gets it
 * applied at once. Applying adds what the partnership does not have yet (by name) and changes nothing it has.
 */
@Service
@Transactional
public class Programmes {

    static final int MAX_LINES = 50;
    static final int MAX_BODY_SHORT_NAME = 20;

    private final ProgrammeRepository repository;
    private final NetworkRepository networks;
    private final Networks membership;
    private final Partnerships partnerships;
    private final Bodies bodies;
    private final Categories categories;
    private final Responsibilities responsibilities;
    private final Surveys surveys;
    private final StandardItems library;
    private final Tenancy tenancy;
    private final AuditTrail auditTrail;
    private final Clock clock;

    Programmes(ProgrammeRepository repository, NetworkRepository networks, Networks membership,
            Partnerships partnerships, Bodies bodies, Categories categories, Responsibilities responsibilities,
            Surveys surveys, StandardItems library, Tenancy tenancy, AuditTrail auditTrail, Clock clock) {
        this.repository = repository;
        this.networks = networks;
        this.membership = membership;
        this.partnerships = partnerships;
        this.bodies = bodies;
        this.categories = categories;
        this.responsibilities = responsibilities;
        this.surveys = surveys;
        this.library = library;
        this.tenancy = tenancy;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The template of the Land programme the current partnership hosts, if it hosts one and has defined it. */
    @PreAuthorize(NetworkPermissions.READ)
    @Transactional(readOnly = true)
    public Optional<LandProgramme> hosted() {
        return membership.hosted().filter(n -> n.kind() == NetworkKind.STATE_PROGRAMME)
                .flatMap(n -> repository.find(n.id()));
    }

    /** The Land programme's coordination defines (or changes) its template; one entry a line. */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public void define(String bodyLines, String categoryLines, String topicLines, List<String> surveyItems) {
        var network = membership.hosted().filter(n -> n.kind() == NetworkKind.STATE_PROGRAMME)
                .orElseThrow(() -> new RuleViolationException("network.programme.notProgramme"));
        var items = surveyItems == null ? List.<String>of() : surveyItems.stream().distinct().toList();
        for (var key : items) {
            if (StandardItems.item(key).isEmpty()) {
                throw new RuleViolationException("network.programme.item.unknown", key);
            }
        }
        var programme = new LandProgramme(network.id(), checked(bodyLines), checked(categoryLines),
                checked(topicLines), items);
        for (var name : programme.categories()) {
            if (Category.codeFor(name).isEmpty()) {
                throw new RuleViolationException("network.programme.category.invalid", name);
            }
        }
        repository.save(network.host(), programme);
        auditTrail.record(AuditAction.CHANGED, "Network", network.id(),
                auditTrail.summary("audit.network.programmeDefined"));
    }

    /** The programme of a network the current partnership is a member of, read under row-level security alone. */
    @PreAuthorize(NetworkPermissions.MANAGE)
    @Transactional(readOnly = true)
    public Optional<LandProgramme> programmeOf(NetworkId network) {
        return repository.find(network);
    }

    /** A member applies the programme of its network to itself, on request. */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public LandProgramme.Applied apply(NetworkId network) {
        var programme = repository.find(network) // before reading across partnerships: only a member sees it
                .orElseThrow(() -> new NotFoundException("Land programme", network));
        membership.shares(network); // refuses a network the partnership is not a member of
        return applyToCurrent(programme);
    }

    /**
     * A partnership founded in a Land joins that Land's programmes (it shares nothing yet) and gets their templates
     * applied, as itself: after the founding commits, in a transaction of its own, like an application module
     * listener, but on the founder's thread, so that the new partnership's coordination finds the template at its
     * first login.
     */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(PartnershipFounded founded) {
        tenancy.acrossPartnerships();
        var programmes = new ArrayList<LandProgramme>();
        for (var network : networks.programmes()) {
            var land = partnerships.find(network.host()).map(p -> p.federalState()).orElse(null);
            if (land == founded.federalState() && !network.host().equals(founded.partnership())) {
                networks.join(founded.partnership(), network.id(), LocalDate.now(clock));
                repository.find(network.id()).ifPresent(programmes::add);
            }
        }
        NetworkRollUp.asTown(founded.partnership(), () -> {
            programmes.forEach(this::applyToCurrent);
            return null;
        });
    }

    private LandProgramme.Applied applyToCurrent(LandProgramme programme) {
        var bodyNames = lowerCase(bodies.all().stream().map(b -> b.name()).toList());
        var shortNames = new HashSet<>(lowerCase(bodies.all().stream().map(b -> b.shortName()).toList()));
        int newBodies = 0;
        for (var name : programme.bodies()) {
            if (bodyNames.add(name.toLowerCase(Locale.GERMAN))) {
                bodies.create(new BodyDetails(name, shortName(name, shortNames), BodyKind.WORKING_GROUP, ""));
                newBodies++;
            }
        }
        var existing = categories.all();
        var codes = new HashSet<>(existing.stream().map(Category::code).toList());
        var categoryNames = lowerCase(existing.stream().map(Category::name).toList());
        int newCategories = 0;
        for (var name : programme.categories()) {
            var code = Category.codeFor(name);
            if (categoryNames.add(name.toLowerCase(Locale.GERMAN)) && codes.add(code)) {
                categories.create(new Category(CategoryId.random(), code, name, null, null, 3, false, null, true,
                        List.of()));
                newCategories++;
            }
        }
        var topicNames = lowerCase(responsibilities.topics().stream().map(t -> t.name()).toList());
        int newTopics = 0;
        for (var name : programme.topics()) {
            if (topicNames.add(name.toLowerCase(Locale.GERMAN))) {
                responsibilities.createTopic(new TopicDetails(name, "", "", true));
                newTopics++;
            }
        }
        int newItems = 0;
        var title = "Standardfragen " + networks.find(programme.network()).map(Network::name).orElse("Landesprogramm");
        if (!programme.surveyItems().isEmpty()
                && surveys.questionnaires().stream().noneMatch(q -> q.title().equals(title))) {
            surveys.createQuestionnaire(questionnaire(title, programme.surveyItems()));
            newItems = programme.surveyItems().size();
        }
        auditTrail.record(AuditAction.CHANGED, "Network", programme.network(),
                auditTrail.summary("audit.network.programmeApplied"));
        return new LandProgramme.Applied(newBodies, newCategories, newTopics, newItems);
    }

    /** The items on the library's pages, in the library's order. */
    private Questionnaire questionnaire(String title, List<String> keys) {
        var bySection = new LinkedHashMap<String, List<de.sipa.surveys.Question>>();
        StandardItems.SECTIONS.forEach(s -> bySection.put(s, new ArrayList<>()));
        for (var item : StandardItems.ITEMS) {
            if (keys.contains(item.key())) {
                bySection.get(item.section()).add(library.question(item.key()));
            }
        }
        var sections = bySection.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new Section(UUID.randomUUID(), library.sectionTitle(e.getKey()), List.copyOf(e.getValue())))
                .toList();
        return new Questionnaire(QuestionnaireId.random(), title, "", sections);
    }

    /** A body's short name from its initials ("Arbeitsgruppe Sicherer Schulweg" → AGSS), made unique. */
    static String shortName(String name, java.util.Set<String> taken) {
        var initials = java.util.Arrays.stream(name.split("[^A-Za-zÄÖÜäöü0-9]+")).filter(w -> !w.isEmpty())
                .map(w -> w.substring(0, 1).toUpperCase(Locale.GERMAN)).collect(Collectors.joining());
        var base = initials.isEmpty() ? "G" : initials.substring(0, Math.min(initials.length(), MAX_BODY_SHORT_NAME - 2));
        var candidate = base;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.GERMAN)); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    private static List<String> checked(String text) {
        var lines = ProgrammeRepository.lines(text);
        if (lines.size() > MAX_LINES) {
            throw new RuleViolationException("network.programme.tooMany", MAX_LINES);
        }
        for (var line : lines) {
            if (line.length() > Networks.MAX_TEXT) {
                throw new RuleViolationException("network.programme.line.tooLong", Networks.MAX_TEXT);
            }
        }
        return lines;
    }

    private static HashSet<String> lowerCase(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.GERMAN)).collect(Collectors.toCollection(HashSet::new));
    }
}
