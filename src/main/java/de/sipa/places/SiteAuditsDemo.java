package de.sipa.places;


import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;
import de.sipa.shared.DemoStory;

/**
 * Musterstadt's two site audits of the Palastgarten: one in the first winter, when the paths were dark and the
 * bushes high, and one a month after the LED lighting was renewed, with lighting and sight lines better. Runs after
 * the places' demo (which draws the Palastgarten); without that place it does nothing.
 */
@Component
@Profile("demo")
@Order(72)
class SiteAuditsDemo implements ApplicationRunner {

    /** Criterion by criterion: before the lighting, after it, and the notes of both walks. */
    private static final Object[][] WALKS = {
        {AuditCriterion.ORIENTATION, AuditRating.FAIR, AuditRating.FAIR, "Ausgänge zur Innenstadt schlecht erkennbar.",
            "Unverändert; neue Wegweiser sind bestellt."},
        {AuditCriterion.SIGHT_LINES, AuditRating.POOR, AuditRating.FAIR, "Pavillon und Hecken verdecken die Wege.",
            "Hecken am Pavillon zurückgeschnitten."},
        {AuditCriterion.LIGHTING, AuditRating.POOR, AuditRating.GOOD, "Vier Lampen am Hauptweg defekt, Seitenwege dunkel.",
            "LED-Beleuchtung gleichmäßig, Gesichter auf 15 m erkennbar."},
        {AuditCriterion.VEGETATION, AuditRating.POOR, AuditRating.FAIR, "Dichte Büsche direkt am Weg.",
            "Rückschnitt erledigt, am Weiher noch dicht."},
        {AuditCriterion.ESCAPE_ROUTES, AuditRating.FAIR, AuditRating.FAIR, "Am Weiher nur ein Ausgang.", ""},
        {AuditCriterion.PEOPLE_AROUND, AuditRating.POOR, AuditRating.FAIR, "Abends kaum Menschen unterwegs.",
            "Mehr Spaziergänger seit der Beleuchtung; gemeinsame Streife sichtbar."},
        {AuditCriterion.CONDITION, AuditRating.FAIR, AuditRating.GOOD, "Müll und Scherben am Pavillon.",
            "Sauber, Reinigung zweimal die Woche."},
        {AuditCriterion.SIGNS, AuditRating.NOT_ASSESSED, AuditRating.FAIR, "", "Notrufnummer am Eingang ausgehängt."},
        {AuditCriterion.HELP_NEARBY, AuditRating.FAIR, AuditRating.FAIR, "Nächste Hilfe am Hauptbahnhof (300 m).", ""},
    };

    private final Partnerships partnerships;
    private final Places places;
    private final SiteAudits audits;
    private final TransactionTemplate transaction;
    private final DemoStory story;

    SiteAuditsDemo(Partnerships partnerships, Places places, SiteAudits audits, TransactionTemplate transaction,
            DemoStory story) {
        this.partnerships = partnerships;
        this.places = places;
        this.audits = audits;
        this.transaction = transaction;
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
        var garden = places.places().stream().filter(p -> p.name().equals("Palastgarten")).findFirst();
        if (garden.isEmpty() || !audits.audits(garden.get().id()).isEmpty()) {
            return;
        }
        var place = garden.get().id();
        var before = audits.start(place, story.firstWinter().plusDays(22),
                "Polizeiinspektion Mitte, Ordnungsamt, Grünflächenamt, Seniorenbeirat");
        var after = audits.start(place, story.lightingRenewed().plusDays(30),
                "Polizeiinspektion Mitte, Ordnungsamt, Grünflächenamt, Jugendgemeinderat");
        for (var walk : WALKS) {
            var criterion = (AuditCriterion) walk[0];
            audits.rate(place, before, criterion, (AuditRating) walk[1], (String) walk[3]);
            audits.rate(place, after, criterion, (AuditRating) walk[2], (String) walk[4]);
        }
    }
}
