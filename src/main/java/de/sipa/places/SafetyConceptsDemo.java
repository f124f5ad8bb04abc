package de.sipa.places;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.meetings.Decision;
import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.shared.DemoStory;
import de.sipa.shared.OrganisationId;

/**
 * The safety concepts of Musterstadt's places (after the places themselves, {@code PlacesDemo}): the Palastgarten's
 * concept of the story (LED lighting decided by the Lenkungsgruppe and renewed in October, the joint foot patrol from
 * May, the hedges cut back), linked to the decisions and the patrol plan, published, with citizens' ratings that
 * rise once the lamps are renewed; and the station underpass closed at night and cleaned. Without the places it does
 * nothing.
 */
@Component
@Profile("demo")
@Order(75)
class SafetyConceptsDemo implements ApplicationRunner {

    static final String GARDEN = "Palastgarten";
    /** The station underpass is found by this part of its name. */
    static final String UNDERPASS = "Unterführung";
    static final String PATROL_PLAN = "Palastgarten und Hauptbahnhof";

    private final Partnerships partnerships;
    private final Places places;
    private final SafetyConcepts concepts;
    private final MeasureLinks links;
    private final MeasureLinkRepository linkRepository;
    private final PublicPlaceRepository publicRepository;
    private final Organisations organisations;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DemoStory story;

    SafetyConceptsDemo(Partnerships partnerships, Places places, SafetyConcepts concepts, MeasureLinks links,
            MeasureLinkRepository linkRepository, PublicPlaceRepository publicRepository, Organisations organisations,
            TransactionTemplate transaction, Clock clock, DemoStory story) {
        this.partnerships = partnerships;
        this.places = places;
        this.concepts = concepts;
        this.links = links;
        this.linkRepository = linkRepository;
        this.publicRepository = publicRepository;
        this.organisations = organisations;
        this.transaction = transaction;
        this.clock = clock;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty()) {
            return;
        }
        CurrentUser.runAs(SipaUser.system(musterstadt.get().id()), () -> transaction.executeWithoutResult(s -> load()));
    }

    private void load() {
        places.places().stream().filter(p -> p.name().equals(GARDEN)).findFirst().ifPresent(garden -> {
            if (concepts.concept(garden.id()).empty()) {
                garden(garden.id(), story);
            }
        });
        places.places().stream().filter(p -> p.name().contains(UNDERPASS)).findFirst().ifPresent(underpass -> {
            if (concepts.concept(underpass.id()).empty()) {
                concepts.addMeasure(underpass.id(), new MeasureDraft(MeasureKind.CLEANING,
                        "Nächtliche Schließung und tägliche Reinigung", "Die Unterführung wird von 23 bis 5 Uhr "
                                + "geschlossen und jeden Morgen gereinigt; Licht und Spiegel an beiden Enden.", null,
                        organisation("Amt für öffentliche Ordnung"), 24_000L, story.month(6), null,
                        MeasureStatus.RUNNING));
            }
        });
    }

    private void garden(PlaceId garden, DemoStory story) {
        concepts.changeGoals(garden, """
                Der Palastgarten ist abends auf allen Hauptwegen hell und einsehbar.
                Weniger Anliegen zu dunklen Wegen, Lärm und Pöbeleien.
                Mehr Menschen fühlen sich im Park abends sicher.""");
        var lighting = concepts.addMeasure(garden, new MeasureDraft(MeasureKind.LIGHTING, "LED-Beleuchtung der Wege",
                "61 Leuchten auf LED umgestellt, neue Leuchten am Seeufer.", null,
                organisation("Tiefbauamt – Straßenbeleuchtung"), 180_000L, story.lightingDecided(),
                story.lightingRenewed(), MeasureStatus.DONE));
        var presence = concepts.addMeasure(garden, new MeasureDraft(MeasureKind.PRESENCE,
                "Gemeinsame Fußstreife von Polizei und Ordnungsdienst",
                "Freitags und samstags von 20 bis 2 Uhr im Park und am Hauptbahnhof.", null,
                organisation("Polizeirevier Musterstadt-Mitte"), null, story.patrolsBegin(), null,
                MeasureStatus.RUNNING));
        var hedges = concepts.addMeasure(garden, new MeasureDraft(MeasureKind.DESIGN,
                "Hecken auf Sichthöhe zurückschneiden", "Am Spielplatz und am Hauptweg, damit man sieht und gesehen wird.",
                null, organisation("Garten-, Friedhofs- und Forstamt"), 6_500L, story.workingGroupFounded().plusWeeks(3),
                story.workingGroupFounded().plusWeeks(7), MeasureStatus.DONE));
        decision("Die Beleuchtung im Palastgarten").ifPresent(d -> link(garden, lighting, d));
        decision("Polizei und Ordnungsamt gehen ab Mai").ifPresent(d -> link(garden, presence, d));
        decision("Das Gartenamt schneidet die Hecken").ifPresent(d -> link(garden, hedges, d));
        links.choices(MeasureLinkKind.PATROL_PLAN).stream().filter(c -> c.label().equals(PATROL_PLAN)).findFirst()
                .ifPresent(plan -> links.link(garden, presence, MeasureLinkKind.PATROL_PLAN, plan.value()));
        links.choices(MeasureLinkKind.PATROL_AREA).stream().filter(c -> c.label().equals(GARDEN)).findFirst()
                .ifPresent(area -> links.link(garden, presence, MeasureLinkKind.PATROL_AREA, area.value()));
        places.publish(garden, true);
        ratings(garden, story);
    }

    /** Links the decision and the agenda item it was taken on. */
    private void link(PlaceId garden, MeasureId measure, Decision decision) {
        links.link(garden, measure, MeasureLinkKind.DECISION, decision.meeting() + ":" + decision.id());
        if (decision.agendaItem() != null) {
            linkRepository.insertAgendaLink(new MeasureLinkRepository.StoredAgendaLink(UUID.randomUUID(), garden,
                    decision.meeting().value(), decision.agendaItem()), clock.instant());
        }
    }

    private Optional<Decision> decision(String wordingStart) {
        return links.decisions().stream().filter(d -> d.wording().startsWith(wordingStart)).findFirst();
    }

    /** From the lighting's decision on, 5–12 ratings a month; about 2 before the lamps are renewed, near 4 after. */
    private void ratings(PlaceId garden, DemoStory story) {
        var random = new Random(DemoStory.SEED + 75);
        var renewed = YearMonth.from(story.lightingRenewed());
        for (var month = YearMonth.from(story.lightingDecided()); !month.isAfter(YearMonth.from(story.today()));
                month = month.plusMonths(1)) {
            double mean = month.isBefore(renewed) ? 2.1 : Math.min(4.0, 3.2 + 0.1 * (month.getMonthValue() % 5));
            int count = 5 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                int score = (int) Math.max(1, Math.min(5, Math.round(mean + random.nextGaussian() * 0.8)));
                publicRepository.rate(garden, PublicPlaces.hash(garden, UUID.randomUUID().toString()), month, score);
            }
        }
    }

    private OrganisationId organisation(String name) {
        var all = organisations.all();
        return all.stream().filter(o -> o.name().equals(name)).map(Organisation::id).findFirst()
                .orElse(all.get(0).id());
    }
}
