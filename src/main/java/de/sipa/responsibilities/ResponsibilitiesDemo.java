package de.sipa.responsibilities;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.shared.DemoStory;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

/**
 * Musterstadt's topics and matrix, built up over two years so that past states can be shown. It has gaps
 * (aggressive begging), an overlap (drug use in public space) and a lead without resources (lighting).
 */
@Component
@Profile("demo")
@Order(10)
class ResponsibilitiesDemo implements ApplicationRunner {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** Name, legal basis, description. */
    private static final String[][] TOPICS = {
        {"Lärm und Ruhestörung in Grünanlagen", "LImSchG BW, Polizeiverordnung § 7", "Feiern, Musik und Lärm in Parks, v. a. an Sommerabenden."},
        {"Vermüllung und Verwahrlosung öffentlicher Flächen", "KrWG, Polizeiverordnung § 11", "Müll, Scherben, Sperrmüll auf Plätzen und in Grünanlagen."},
        {"Jugendschutz bei Veranstaltungen", "JuSchG §§ 4–10", "Kontrollen zu Alkohol, Tabak und Aufenthalt Minderjähriger."},
        {"Drogenkonsum im öffentlichen Raum", "BtMG, PolG BW § 1", "Offener Konsum und Handel an bekannten Treffpunkten."},
        {"Verkehrssicherung bei Großveranstaltungen", "StVO §§ 44, 45", "Sperrungen, Umleitungen, Rettungswege."},
        {"Beleuchtung und Angsträume", "Straßengesetz BW § 41", "Dunkle Wege, Unterführungen und Haltestellen."},
        {"Aggressives Betteln", "Polizeiverordnung § 9", "Bedrängen von Passanten, organisierte Bettelei."},
        {"Häusliche Gewalt – Nachsorge", "GewSchG, PolG BW § 30", "Hilfe nach Platzverweis und Wohnungsverweisung."},
        {"Alkoholkonsum auf öffentlichen Plätzen", "Polizeiverordnung § 10", "Trinkergruppen und Alkoholverbotszonen."},
        {"Graffiti und wildes Plakatieren", "StGB § 303", "Schmierereien, Beseitigung und Anzeigen."},
        {"Wohnungslosigkeit und Kälteschutz", "SGB XII, PolG BW", "Kältebus, Unterbringung, Ansprechen im Winter."},
        {"Sicherheit an Haltestellen und im Nahverkehr", "", "Präsenz und Videoschutz an Knotenpunkten."},
        {"Fahrraddiebstahl-Prävention", "", "Codierung, Abstellanlagen, Beratung."},
        {"Einbruchschutz-Beratung", "", "Technische Beratung für Bürgerinnen und Bürger."},
        {"Schulwegsicherheit", "StVO", "Gefahrenstellen auf Schulwegen, Schülerlotsen."},
        {"Gewaltprävention an Schulen", "SchG BW", "Programme, Krisenteams, Ansprechpersonen."},
        {"Sicherheit im Nachtleben", "GastG", "Gaststätten, Clubs, Türsteher, Heimweg."},
        {"Waffenverbotszone Innenstadt", "WaffG § 42", "Kontrollen in der Waffenverbotszone."},
        {"Hundehaltung und Leinenpflicht", "Polizeiverordnung § 12", "Leinenpflicht, gefährliche Hunde."},
        {"Ruhestörung durch Gaststätten", "GastG, LImSchG BW", "Sperrzeiten, Außengastronomie."},
        {"Betrug an Seniorinnen und Senioren", "", "Enkeltrick, falsche Polizeibeamte."},
        {"Radikalisierungsprävention", "", "Beratung, Fallkonferenzen."},
        {"Kinderschutz bei Verdacht auf Kindeswohlgefährdung", "SGB VIII § 8a", "Meldewege und Fallklärung."},
        {"Sicherheit bei Versammlungen", "VersammlG", "Anmeldung, Auflagen, Schutz der Versammlung."},
        {"Illegale Müllablagerung", "KrWG", "Wilde Deponien am Stadtrand."},
    };

    /** Topic index, organisation name, responsibility, district (or ""), "Nacht" or "", resources. */
    private static final String[][] INITIAL = {
        {"0", "Amt für öffentliche Ordnung", "LEAD", "", "", "20 h/Woche"},
        {"0", "Kommunaler Ordnungsdienst", "SUPPORT", "", "", "2 Personen"},
        {"0", "Garten-, Friedhofs- und Forstamt", "INFORMED", "", "", ""},
        {"0", "Kommunaler Ordnungsdienst", "LEAD", "Mitte", "", "4 Personen; 60 h/Woche"},
        {"1", "Amt für öffentliche Ordnung", "LEAD", "", "", "10 h/Woche"},
        {"1", "Garten-, Friedhofs- und Forstamt", "SUPPORT", "", "", "3 Personen"},
        {"2", "Jugendamt", "LEAD", "", "", "2 Personen; 15000 €/Jahr"},
        {"2", "Amt für öffentliche Ordnung", "SUPPORT", "", "", "8 h/Woche"},
        {"2", "Polizeipräsidium Musterstadt", "SUPPORT", "", "", "4 Personen"},
        {"3", "Polizeipräsidium Musterstadt", "LEAD", "", "", "2 Personen"},
        {"3", "Amt für öffentliche Ordnung", "LEAD", "", "", "1 Person"},
        {"3", "Sozialamt", "SUPPORT", "", "", "10 h/Woche"},
        {"3", "Mobile Jugendarbeit Musterstadt e. V.", "INFORMED", "", "", ""},
        {"4", "Amt für öffentliche Ordnung", "LEAD", "", "", "1 Person"},
        {"4", "Polizeipräsidium Musterstadt", "SUPPORT", "", "", "6 Personen"},
        {"4", "Branddirektion Musterstadt", "SUPPORT", "", "", "2 Personen"},
        {"5", "Tiefbauamt – Straßenbeleuchtung", "LEAD", "", "", ""},
        {"5", "Amt für Stadtplanung und Wohnen", "SUPPORT", "", "", "5 h/Woche"},
        {"5", "Stadt Musterstadt – Kommunale Kriminalprävention", "INFORMED", "", "", ""},
        {"6", "Sozialamt", "INFORMED", "", "", ""},
        {"6", "Kommunaler Ordnungsdienst", "SUPPORT", "", "", ""},
        {"7", "Polizeipräsidium Musterstadt", "LEAD", "", "", "1 Person"},
        {"7", "Sozialamt", "SUPPORT", "", "", "10 h/Woche"},
        {"7", "Weißer Ring – Außenstelle Musterstadt", "SUPPORT", "", "", "5 h/Woche (ehrenamtlich)"},
        {"8", "Kommunaler Ordnungsdienst", "LEAD", "", "", "2 Personen"},
        {"8", "Sozialamt", "SUPPORT", "", "", "5 h/Woche"},
        {"9", "Polizeipräsidium Musterstadt", "LEAD", "", "", "1 Person"},
        {"9", "Garten-, Friedhofs- und Forstamt", "SUPPORT", "", "", "20000 €/Jahr"},
        {"10", "Sozialamt", "LEAD", "", "", "3 Personen"},
        {"10", "Kommunaler Ordnungsdienst", "SUPPORT", "", "", "4 h/Woche"},
        {"11", "Verkehrsbetriebe Musterstadt", "LEAD", "", "", "8 Personen"},
        {"11", "Bundespolizeiinspektion Musterstadt", "LEAD", "Mitte", "", "6 Personen"},
        {"11", "Polizeipräsidium Musterstadt", "SUPPORT", "", "", "2 Personen"},
        {"12", "Kriminalinspektion 1 – Kriminalprävention", "LEAD", "", "", "4 h/Woche"},
        {"13", "Kriminalinspektion 1 – Kriminalprävention", "LEAD", "", "", "2 Personen"},
        {"13", "Seniorenrat Musterstadt e. V.", "INFORMED", "", "", ""},
        {"14", "Amt für öffentliche Ordnung", "LEAD", "", "", "4 h/Woche"},
        {"14", "Staatliches Schulamt Musterstadt", "SUPPORT", "", "", "2 h/Woche"},
        {"15", "Staatliches Schulamt Musterstadt", "LEAD", "", "", "1 Person"},
        {"15", "Jugendamt", "SUPPORT", "", "", "5 h/Woche"},
        {"15", "Kriminalinspektion 1 – Kriminalprävention", "SUPPORT", "", "", "3 h/Woche"},
        {"16", "Amt für öffentliche Ordnung", "LEAD", "", "", "2 Personen"},
        {"16", "Polizeirevier Musterstadt-Mitte", "SUPPORT", "Mitte", "", "4 Personen"},
        {"17", "Polizeipräsidium Musterstadt", "LEAD", "Mitte", "", "6 Personen"},
        {"17", "Kommunaler Ordnungsdienst", "SUPPORT", "Mitte", "", "2 Personen"},
        {"18", "Kommunaler Ordnungsdienst", "LEAD", "", "", "10 h/Woche"},
        {"19", "Amt für öffentliche Ordnung", "LEAD", "", "", "6 h/Woche"},
        {"20", "Kriminalinspektion 1 – Kriminalprävention", "LEAD", "", "", "1 Person"},
        {"20", "Seniorenrat Musterstadt e. V.", "SUPPORT", "", "", "10 h/Woche (ehrenamtlich)"},
        {"21", "Polizeipräsidium Musterstadt", "LEAD", "", "", "1 Person"},
        {"21", "Jugendamt", "SUPPORT", "", "", "5 h/Woche"},
        {"22", "Jugendamt", "LEAD", "", "", "6 Personen"},
        {"22", "Polizeipräsidium Musterstadt", "INFORMED", "", "", ""},
        {"23", "Amt für öffentliche Ordnung", "LEAD", "", "", "2 Personen"},
        {"23", "Polizeipräsidium Musterstadt", "SUPPORT", "", "", "20 Personen (nach Lage)"},
        {"24", "Amt für öffentliche Ordnung", "LEAD", "", "", "5 h/Woche"},
    };

    /** A year later the night was given to the police (change 2). */
    private static final String[][] NIGHT = {
        {"0", "Polizeipräsidium Musterstadt", "LEAD", "", "Nacht", "2 Streifen"},
        {"8", "Polizeipräsidium Musterstadt", "LEAD", "", "Nacht", "1 Streife"},
        {"19", "Polizeipräsidium Musterstadt", "LEAD", "", "Nacht", "1 Streife"},
    };

    private final Partnerships partnerships;
    private final Organisations organisations;
    private final MatrixRepository repository;
    private final ReviewRepository reviews;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DemoStory story;

    ResponsibilitiesDemo(Partnerships partnerships, Organisations organisations, MatrixRepository repository,
            ReviewRepository reviews, TransactionTemplate transaction, Clock clock, DemoStory story) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.repository = repository;
        this.reviews = reviews;
        this.transaction = transaction;
        this.clock = clock;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty() || !repository.topics(musterstadt.get().id()).isEmpty()) {
            return;
        }
        var partnership = musterstadt.get().id();
        CurrentUser.runAs(SipaUser.system(partnership), () -> transaction.executeWithoutResult(s -> load(partnership)));
    }

    private void load(PartnershipId partnership) {
        var topicIds = new TopicId[TOPICS.length];
        for (int i = 0; i < TOPICS.length; i++) {
            topicIds[i] = TopicId.random();
            repository.insertTopic(partnership, topicIds[i], new TopicDetails(TOPICS[i][0], TOPICS[i][2], TOPICS[i][1], true));
        }
        var night = new TimeWindow(TimeWindowId.random(), "Nacht", LocalTime.of(22, 0), LocalTime.of(6, 0));
        repository.insertTimeWindow(partnership, night);
        Map<String, OrganisationId> organisationIds = new HashMap<>();
        organisations.all().forEach(o -> organisationIds.put(o.name(), o.id()));
        Map<String, DistrictId> districtIds = new HashMap<>();
        partnerships.districts().forEach(d -> districtIds.put(d.name(), d.id()));

        var first = at(story.matrixDrawnUp());
        var change = repository.insertChange(partnership, first, "koordination",
                "Erstaufstellung der Zuständigkeitsmatrix nach Beschluss der Lenkungsgruppe", null);
        Map<String, MatrixEntry> entries = new HashMap<>();
        for (var row : INITIAL) {
            var entry = entry(row, topicIds, organisationIds, districtIds, night);
            repository.startEntry(partnership, entry, first, change);
            entries.put(row[0] + "|" + row[1] + "|" + row[2] + "|" + row[3], entry);
        }
        var second = at(story.nightGivenToPolice());
        change = repository.insertChange(partnership, second, "koordination",
                "Nachts übernimmt die Polizei Lärm, Alkohol und Gaststättenlärm (Beschluss des Koordinierungskreises vom "
                        + DAY.format(story.lightingTakenUp()) + ")", null);
        for (var row : NIGHT) {
            repository.startEntry(partnership, entry(row, topicIds, organisationIds, districtIds, night), second, change);
        }
        lastYearsReview(partnership, story, topicIds, organisationIds, entries);
        reviewInProgress(partnership, topicIds, entries);
    }

    /** "Aufgabenkritik 2025": graffiti moved from the police to the Ordnungsamt, decided and applied. */
    private void lastYearsReview(PartnershipId partnership, DemoStory story, TopicId[] topics,
            Map<String, OrganisationId> organisations, Map<String, MatrixEntry> entries) {
        var applied = at(story.graffitiToPublicOrder());
        var decided = story.reviewDecided();
        var policeLead = entries.get("9|Polizeipräsidium Musterstadt|LEAD|");
        var gardensSupport = entries.get("9|Garten-, Friedhofs- und Forstamt|SUPPORT|");
        var review = new Review(ReviewId.random(), "Aufgabenkritik " + decided.getYear() + ": Stadtbild",
                decided.minusDays(11), ReviewStatus.OPEN, Set.of(topics[9], topics[1]), Set.of(), "koordination",
                at(decided.minusDays(48)), null, null, null);
        reviews.insert(partnership, review);
        reviews.insertItem(review.id(), policeLead);
        reviews.insertItem(review.id(), gardensSupport);
        entries.entrySet().stream().filter(e -> e.getKey().startsWith("1|")).forEach(e -> reviews.insertItem(review.id(), e.getValue()));
        for (var item : reviews.items(review.id())) {
            if (item.entry().id().equals(policeLead.id())) {
                reviews.answer(item.id(), ReviewAnswer.CHANGE_PROPOSED, organisations.get("Amt für öffentliche Ordnung"),
                        Responsibility.LEAD, Resource.parseAll("1 Person; 20000 €/Jahr"),
                        "Beseitigung und Anzeigen sind Verwaltungsaufgabe; Polizei bleibt für Ermittlungen informiert.",
                        "polizei", at(decided.minusDays(29)));
                reviews.insertProposal(review.id(), ProposalKind.CHANGE, new MatrixEntry(policeLead.id(),
                        policeLead.topic(), null, null, organisations.get("Amt für öffentliche Ordnung"),
                        Responsibility.LEAD, Resource.parseAll("1 Person; 20000 €/Jahr"), null), item.id(),
                        "Federführung Graffiti geht an das Ordnungsamt.");
            } else {
                reviews.answer(item.id(), ReviewAnswer.CONFIRMED, null, null, null, null,
                        item.entry().organisation().equals(organisations.get("Amt für öffentliche Ordnung"))
                                ? "ordnungsamt" : "koordination", at(decided.minusDays(21)));
            }
        }
        reviews.submitted(review.id(), at(decided.minusDays(8)));
        var proposal = reviews.proposals(review.id()).get(0);
        reviews.decide(review.id(), proposal.id(), Decision.APPROVED, "lenkung", at(decided),
                "Beschluss der Lenkungsgruppe vom " + DAY.format(decided));
        var change = repository.insertChange(partnership, applied, "koordination",
                "Aufgabenkritik „" + review.title() + "“: 1 beschlossene Änderung(en)", review.id().value());
        repository.endEntry(partnership, policeLead.id(), applied, change);
        repository.startEntry(partnership, proposal.target(), applied, change);
        reviews.closed(review.id(), applied, change);
    }

    /** "Aufgabenkritik 2026" on public space at night, open for answers until ten days from now. */
    private void reviewInProgress(PartnershipId partnership, TopicId[] topics, Map<String, MatrixEntry> entries) {
        var today = story.today();
        var review = new Review(ReviewId.random(), "Aufgabenkritik " + today.getYear() + ": öffentlicher Raum und Nacht",
                today.plusDays(10), ReviewStatus.OPEN, Set.of(topics[0], topics[3], topics[6], topics[8]), Set.of(),
                "koordination", clock.instant().minus(Duration.ofDays(14)), null, null, null);
        reviews.insert(partnership, review);
        entries.entrySet().stream()
                .filter(e -> List.of("0", "3", "6", "8").contains(e.getKey().substring(0, e.getKey().indexOf('|'))))
                .forEach(e -> reviews.insertItem(review.id(), e.getValue()));
        var police = entries.get("3|Polizeipräsidium Musterstadt|LEAD|");
        var publicOrder = entries.get("3|Amt für öffentliche Ordnung|LEAD|");
        for (var item : reviews.items(review.id())) {
            if (item.entry().id().equals(police.id())) {
                reviews.answer(item.id(), ReviewAnswer.CHANGE_PROPOSED, police.organisation(), Responsibility.SUPPORT,
                        Resource.parseAll("2 Personen"), "Strafverfolgung des Handels bleibt bei uns; der Konsum im "
                                + "öffentlichen Raum ist Ordnungsrecht und gehört zum Ordnungsamt.",
                        "polizei", clock.instant().minus(Duration.ofDays(5)));
            } else if (item.entry().id().equals(publicOrder.id())) {
                reviews.answer(item.id(), ReviewAnswer.CONFIRMED, null, null, null, null, "ordnungsamt",
                        clock.instant().minus(Duration.ofDays(4)));
            }
        }
    }

    private static MatrixEntry entry(String[] row, TopicId[] topics, Map<String, OrganisationId> organisations,
            Map<String, DistrictId> districts, TimeWindow night) {
        var organisation = organisations.get(row[1]);
        if (organisation == null) {
            throw new IllegalStateException("Demo organisation missing: " + row[1]);
        }
        return new MatrixEntry(EntryId.random(), topics[Integer.parseInt(row[0])],
                row[3].isEmpty() ? null : districts.get(row[3]), row[4].isEmpty() ? null : night.id(), organisation,
                Responsibility.valueOf(row[2]), row[5].isEmpty() ? List.of() : Resource.parseAll(row[5]), null);
    }

    private static java.time.Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(ZONE).toInstant();
    }
}
