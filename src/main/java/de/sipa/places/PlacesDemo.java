package de.sipa.places;


import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.shared.DemoStory;

/**
 * Musterstadt's places with a security deficit, through {@link Places}: the Palastgarten, whose reports dropped once
 * the joint patrol walked and the lamps were renewed (evaluated from the renewal, 12 months each side, against a
 * quiet part of Mitte), and the underpass west of the Hauptbahnhof, locked at night since
 * {@link DemoStory#underpassClosedAtNight()}, whose problems moved to the street next to it (a negative WDQ). The
 * Neckarblick estate's cluster of the second winter stays a hotspot that is not yet a place. The site audits (72)
 * and the safety concept (75) find the places by the names below.
 */
@Component
@Profile("demo")
@Order(70)
class PlacesDemo implements ApplicationRunner {

    public static final String PALASTGARTEN = "Palastgarten";
    public static final String UNDERPASS = "Bahnhofsunterführung";

    /** Around the reports' Palastgarten (ReportHistory.PALASTGARTEN, 48.7818 N, 9.1832 E), east of the station. */
    static final String PALASTGARTEN_OUTLINE = "{\"type\":\"Polygon\",\"coordinates\":[[[9.1815,48.7802],"
            + "[9.1858,48.7800],[9.1862,48.7830],[9.1835,48.7838],[9.1814,48.7828],[9.1815,48.7802]]]}";
    /** The underpass west of the Hauptbahnhof (ReportHistory.UNDERPASS), 15 m to each side. */
    static final String UNDERPASS_LINE = "{\"type\":\"LineString\",\"coordinates\":[[9.1746,48.7822],[9.1754,48.7830]]}";
    static final int UNDERPASS_HALF_WIDTH = 15;
    /** A quiet part of Mitte's south-west, far from both places: the comparison area. */
    static final String MITTE_SOUTH_WEST = "{\"type\":\"Polygon\",\"coordinates\":[[[9.162,48.766],[9.176,48.766],"
            + "[9.176,48.776],[9.162,48.776],[9.162,48.766]]]}";

    private final Partnerships partnerships;
    private final Organisations organisations;
    private final Places places;
    private final PlaceEffects effects;
    private final DemoStory story;

    PlacesDemo(Partnerships partnerships, Organisations organisations, Places places, PlaceEffects effects,
            DemoStory story) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.places = places;
        this.effects = effects;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty()) {
            return;
        }
        CurrentUser.runAs(SipaUser.system(musterstadt.get().id()), () -> {
            if (places.places().stream().anyMatch(p -> p.name().equals(PALASTGARTEN))) {
                return null; // loaded before
            }
            load();
            return null;
        });
    }

    private void load() {
        var gardens = organisations.all().stream().filter(o -> o.name().startsWith("Garten-")).findFirst();
        var garden = places.create(new PlaceDraft(PALASTGARTEN, null, Deficit.BOTH,
                "Dunkle Wege, Trinkgelage und Lärm in der Nacht; Frauen und Ältere meiden den Park nach Einbruch "
                        + "der Dunkelheit. Konzept: LED-Beleuchtung, gemeinsame Fußstreife von Polizei und Ordnungsamt, "
                        + "Rückschnitt der Hecken.",
                gardens.map(o -> o.id()).orElse(null), gardens.isPresent() ? null : "Grünflächenamt",
                PlaceOrigin.HOTSPOT, PALASTGARTEN_OUTLINE, null));
        places.changeStatus(garden, PlaceStatus.MEASURES_RUNNING);
        effects.change(garden, new PlaceEffectSettings(story.lightingRenewed(), 12,
                PlaceEffectSettings.DEFAULT_BUFFER_METRES, MITTE_SOUTH_WEST));

        var underpass = places.create(new PlaceDraft(UNDERPASS, null, Deficit.BOTH,
                "Fußgängerunterführung westlich des Hauptbahnhofs: Drogenhandel und Trinkgelage, nachts ein Angstraum. "
                        + "Seit sie nachts verschlossen ist, klagen die Anwohner der Parallelstraße.",
                null, "Deutsche Bahn", PlaceOrigin.REPORTS, UNDERPASS_LINE, UNDERPASS_HALF_WIDTH));
        places.changeStatus(underpass, PlaceStatus.MEASURES_RUNNING);
        effects.change(underpass, new PlaceEffectSettings(story.underpassClosedAtNight(), 9,
                PlaceEffectSettings.DEFAULT_BUFFER_METRES, MITTE_SOUTH_WEST));
    }
}
