package de.sipa.volunteers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.partners.Person;
import de.sipa.partners.PersonId;
import de.sipa.prevention.PreventionProject;
import de.sipa.prevention.PreventionProjects;
import de.sipa.prevention.ProjectId;
import de.sipa.shared.DemoStory;

/**
 * Musterstadt's volunteers, dated relative to the day the demo loads, each offer linked to its prevention project
 * (PreventionDemo loads them first): the reading mentors (Lesepaten) of the youth club in the Neckarblick estate
 * (project "Nachbarschaft Neckarblick"), published six weeks ago with volunteers in every state (one still waiting
 * for the confirmation of their e-mail, one new, one accepted, one assigned with hours, one declined); the seniors'
 * safety escorts of last summer ("Seniorensicherheit an der Haustür"), closed two months ago, whose volunteers were
 * thanked; and the "Lichtpaten" of the Palastgarten ("Licht und Ruhe im Palastgarten"), a draft.
 */
@Component
@Profile("demo")
@Order(85)
class VolunteersDemo implements ApplicationRunner {

    static final String READING_MENTORS = "Lesepaten im Jugendtreff Neckarblick";
    static final String SENIOR_ESCORTS = "Begleitung Seniorensicherheit";
    static final String NECKARBLICK_PROJECT = "Nachbarschaft Neckarblick";

    private final Partnerships partnerships;
    private final People people;
    private final VolunteerOffers offers;
    private final VolunteerRepository volunteers;
    private final PreventionProjects projects;
    private final Clock clock;
    private final DemoStory story;

    VolunteersDemo(Partnerships partnerships, People people, VolunteerOffers offers, VolunteerRepository volunteers,
            PreventionProjects projects, Clock clock, DemoStory story) {
        this.projects = projects;
        this.partnerships = partnerships;
        this.people = people;
        this.offers = offers;
        this.volunteers = volunteers;
        this.clock = clock;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty()) {
            return;
        }
        CurrentUser.runAs(SipaUser.system(musterstadt.get().id()), () -> {
            if (offers.offers().stream().anyMatch(o -> o.title().equals(READING_MENTORS))) {
                return null; // loaded before
            }
            load();
            return null;
        });
    }

    private void load() {
        var today = story.today();
        var partnership = CurrentUser.partnership();
        var youth = person("Laura", "Stein");
        var seniors = person("Ingrid", "Frank");
        var prevention = person("Aylin", "Demir");
        if (youth == null || seniors == null || prevention == null) {
            return;
        }

        var mentors = offers.create(new OfferDraft(READING_MENTORS,
                "Kinder von 8 bis 12 Jahren lesen mit Ihnen in kleinen Gruppen vor, erzählen und spielen. Der "
                        + "Jugendtreff ist nachmittags ein sicherer Ort im Quartier; wer liest, bleibt nicht auf der "
                        + "dunklen Haltestelle. Keine Vorkenntnisse nötig, ein erweitertes Führungszeugnis ja.",
                "dienstags und donnerstags, 16 bis 18 Uhr", "Jugendtreff Neckarblick, Am Hang 4",
                "2 Stunden pro Woche, mindestens ein halbes Jahr", 6, youth, project(NECKARBLICK_PROJECT),
                today.plusMonths(5)));
        offers.changeStatus(mentors, OfferStatus.PUBLISHED);
        volunteers.insertWithHistory(partnership, mentors, new SignUp("Sabine Hoffmann", "sabine.hoffmann@example.org",
                "0171 2345678", "Ich bin pensionierte Grundschullehrerin und wohne gleich um die Ecke.", true),
                VolunteerStatus.ASSIGNED, "dienstags, Lesegruppe 10 bis 12 Jahre", new BigDecimal("14"),
                at(today.minusWeeks(5), 19, 12), null);
        volunteers.insertWithHistory(partnership, mentors, new SignUp("Murat Yılmaz", "murat.yilmaz@example.org",
                null, "Ich kann auch auf Türkisch vorlesen.", true), VolunteerStatus.ACCEPTED, null,
                new BigDecimal("6"), at(today.minusWeeks(4), 8, 40), null);
        volunteers.insertWithHistory(partnership, mentors, new SignUp("Peter Schmitt", "p.schmitt@example.org", null,
                "Ich hätte nur samstags Zeit.", true), VolunteerStatus.DECLINED, null, BigDecimal.ZERO,
                at(today.minusWeeks(3), 21, 5), null);
        volunteers.insertWithHistory(partnership, mentors, new SignUp("Jonas Weber", "jonas.weber@example.org",
                "0151 9876543", "", true), VolunteerStatus.CONFIRMED, null, BigDecimal.ZERO,
                at(today.minusDays(2), 17, 30), null);
        volunteers.insertWithHistory(partnership, mentors, new SignUp("Lea Brandt", "lea.brandt@example.org", null,
                null, true), VolunteerStatus.UNCONFIRMED, null, BigDecimal.ZERO, clock.instant().minusSeconds(3 * 3600),
                null);

        var escorts = offers.create(new OfferDraft(SENIOR_ESCORTS,
                "Ältere Menschen aus Süd fühlen sich abends auf dem Weg zum Bus unsicher. Sie begleiten sie zu "
                        + "Veranstaltungen des Seniorenrats und zurück und geben dabei Tipps gegen Trickbetrug.",
                "nach Absprache, meist am frühen Abend", "Musterstadt-Süd, Treffpunkt Seniorenbegegnungsstätte",
                "etwa 3 Stunden im Monat", 4, seniors, project("Seniorensicherheit an der Haustür"),
                today.minusMonths(2)));
        for (var helper : new Object[][] {{"Karin Wolf", "karin.wolf@example.org", "22"},
            {"Dieter Lang", "dieter.lang@example.org", "18.5"}, {"Mehmet Arslan", "m.arslan@example.org", "9"}}) {
            volunteers.insertWithHistory(partnership, escorts, new SignUp((String) helper[0], (String) helper[1], null,
                    null, true), VolunteerStatus.ASSIGNED, "Begleitung donnerstags", new BigDecimal((String) helper[2]),
                    at(today.minusMonths(9), 10, 0), at(today.minusMonths(2).plusDays(3), 9, 0));
        }
        offers.changeStatus(escorts, OfferStatus.CLOSED);

        offers.create(new OfferDraft("Lichtpaten Palastgarten",
                "Lichtpaten gehen einmal im Monat nach Einbruch der Dunkelheit durch den Palastgarten und melden "
                        + "Leuchten, die nicht brennen, und Hecken, die Wege verschatten.",
                "einmal im Monat abends", "Palastgarten, Treffpunkt Haupteingang", "1 bis 2 Stunden im Monat", 10,
                prevention, project("Licht und Ruhe im Palastgarten"), today.plusMonths(12)));
    }

    /** The demo's prevention project of the title (loaded before, PreventionDemo), or none. */
    private ProjectId project(String title) {
        return projects.projects().stream().filter(p -> p.title().equals(title)).map(PreventionProject::id)
                .findFirst().orElse(null);
    }

    private PersonId person(String firstName, String lastName) {
        return people.active().stream().filter(p -> p.firstName().equals(firstName) && p.lastName().equals(lastName))
                .map(Person::id).findFirst().orElse(null);
    }

    private Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(clock.getZone()).toInstant();
    }
}
