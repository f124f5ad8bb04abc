package de.sipa.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.places.Deficit;
import de.sipa.places.Measure;
import de.sipa.places.MeasureDraft;
import de.sipa.places.MeasureKind;
import de.sipa.places.MeasureStatus;
import de.sipa.places.PlaceDraft;
import de.sipa.places.PlaceId;
import de.sipa.places.PlaceOrigin;
import de.sipa.places.Places;
import de.sipa.places.SafetyConcepts;
import de.sipa.prevention.Evidence;
import de.sipa.prevention.PreventionField;
import de.sipa.prevention.PreventionProjects;
import de.sipa.prevention.ProjectDraft;
import de.sipa.prevention.TargetGroup;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/**
 * A county hosts a network of two towns. Town A shares the safety concept of its underpass (goals and three measures,
 * one dropped, with an e-mail address and telephone numbers in the texts) and keeps another place's concept to itself;
 * town B takes the shared concept as a template for a place of its own.
 */
@SipaIntegrationTest
class SharedConceptsTests extends NetworkPagesTest {

    static final String EMAIL = "erika.muster@stadt-a.example";

    @Autowired
    Networks networks;
    @Autowired
    Places places;
    @Autowired
    SafetyConcepts concepts;
    @Autowired
    PreventionProjects projects;
    @Autowired
    Clock clock;
    @Autowired
    @FlywayDataSource
    DataSource ownerDatabase;

    Fixtures.City county;
    Fixtures.City townA;
    Fixtures.City townB;
    NetworkId network;
    PlaceId underpass;
    PlaceId internalPlace;
    PlaceId placeOfB;

    @BeforeEach
    void aCountyWhereTownASharesTheConceptOfItsUnderpass() {
        county = fixtures.city();
        townA = fixtures.city();
        townB = fixtures.city();
        network = as(county.coordinator(), () -> networks.found("Landkreis " + county.key(), NetworkKind.COUNTY));
        for (var town : List.of(townA, townB)) {
            as(town.coordinator(), () -> {
                networks.join(network);
                return null;
            });
        }
        var started = LocalDate.now(clock).minusMonths(6);
        underpass = place(townA, "Unterführung Bahnhof A");
        as(townA.coordinator(), () -> {
            concepts.changeGoals(underpass, "Die Unterführung ist abends hell\nHinweise an " + EMAIL);
            concepts.addMeasure(underpass, new MeasureDraft(MeasureKind.LIGHTING, "LED-Leuchten",
                    "Abstimmung mit Herrn Licht, Tel. 0711 123456-7", null, townA.publicOrder(), 18_000L, started,
                    started.plusMonths(1), MeasureStatus.DONE));
            concepts.addMeasure(underpass, new MeasureDraft(MeasureKind.VIDEO, "Kamera am Ausgang",
                    "Nur nachts", "§ 21 Abs. 3 PolG BW", townA.police(), null, started, null, MeasureStatus.RUNNING));
            concepts.addMeasure(underpass, new MeasureDraft(MeasureKind.DESIGN, "Wandbild", "", null,
                    townA.publicOrder(), 4_000L, null, null, MeasureStatus.DROPPED));
            networks.shareConcept(network, underpass, "Ordnungsamt A, Kriminalprävention");
            return null;
        });
        internalPlace = place(townA, "Interner Ort A");
        placeOfB = place(townB, "Marktplatz B");
        for (var place : List.of(internalPlace, placeOfB)) {
            var town = place == placeOfB ? townB : townA;
            as(town.coordinator(), () -> concepts.addMeasure(place, new MeasureDraft(MeasureKind.CLEANING,
                    "Interne Reinigung", "", null, town.publicOrder(), null, null, null, MeasureStatus.PLANNED)));
        }
    }

    @Test
    void aMemberTownSeesTheSharedConceptWithItsContactButNoOrganisationOrPersonalData() throws Exception {
        for (var member : List.of(townB.coordinator(), townB.steeringUser(), county.coordinator())) {
            var catalogue = Jsoup.parse(body(get("/network/practice"), member));
            assertThat(catalogue.select("#shared-concepts a").eachText()).as(member)
                    .contains("Unterführung Bahnhof A").doesNotContain("Interner Ort A", "Marktplatz B");
            assertThat(catalogue.select("#shared-concepts td").eachText())
                    .contains(townName(townA), "Ordnungsamt A, Kriminalprävention");
        }
        var page = Jsoup.parse(body(get("/network/practice/concepts/" + underpass.value()), townB.coordinator()));
        assertThat(page.getElementById("concept-place").text()).isEqualTo("Unterführung Bahnhof A");
        assertThat(page.getElementById("entry-contact").text()).isEqualTo("Ordnungsamt A, Kriminalprävention");
        assertThat(page.select("#concept-goals li").eachText()).containsExactly("Die Unterführung ist abends hell",
                "Hinweise an " + SharedPractice.BLANKED);
        assertThat(page.select("#concept-measures strong").eachText()).containsExactlyInAnyOrder("LED-Leuchten",
                "Kamera am Ausgang", "Wandbild");
        var text = page.select("main").text();
        assertThat(text).doesNotContain(EMAIL, "123456", "Ordnungsamt " + townA.key(), "Polizeirevier " + townA.key())
                .contains("§ 21 Abs. 3 PolG BW");
        // B's copy form offers B's own places and organisations only
        assertThat(page.select("#copy-place option").eachText()).containsExactly("Marktplatz B");
        assertThat(page.select("#copy-organisation option").eachText()).doesNotContain("Ordnungsamt " + townA.key())
                .contains("Ordnungsamt " + townB.key());
    }

    @Test
    void aConceptNobodySharedIsNotFoundOnAnyPageThatTakesItsId() throws Exception {
        var outsider = fixtures.city();
        for (var unshared : List.of(internalPlace, placeOfB, new PlaceId(UUID.randomUUID()))) {
            status(get("/network/practice/concepts/" + unshared.value()), townB.coordinator(), 404);
            status(copy(unshared, placeOfB, townB.publicOrder()), townB.coordinator(), 404);
            status(get("/network/practice/concepts/" + unshared.value()), county.coordinator(), 404);
        }
        // someone outside the network does not see even what was shared with it
        status(get("/network/practice/concepts/" + underpass.value()), outsider.coordinator(), 404);
        status(copy(underpass, null, null), outsider.coordinator(), 404);
        assertThat(body(get("/network/practice"), outsider.coordinator())).doesNotContain("Unterführung Bahnhof A");
        // a town shares only its own concepts, and only one with something in it
        as(townA.coordinator(), () -> {
            assertThatThrownBy(() -> networks.shareConcept(network, placeOfB, null))
                    .isInstanceOf(NotFoundException.class);
            var empty = places.create(new PlaceDraft("Leerer Ort A", null, Deficit.SUBJECTIVE, "", null, null,
                    PlaceOrigin.MANUAL, "{\"type\":\"Point\",\"coordinates\":[9.18,48.78]}", 20));
            assertThatThrownBy(() -> networks.shareConcept(network, empty, null))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("network.concept.empty");
            return null;
        });
        // once A stops sharing it, it is gone
        as(townA.coordinator(), () -> {
            networks.unshare(network, ShareKind.SAFETY_CONCEPT, underpass.value());
            return null;
        });
        status(get("/network/practice/concepts/" + underpass.value()), townB.coordinator(), 404);
        status(copy(underpass, placeOfB, townB.publicOrder()), townB.coordinator(), 404);
    }

    @Test
    void aCopyGoesIntoTheTownsOwnPlaceAsPlannedMeasuresWithoutPersonalDataDatesOrCosts() throws Exception {
        var response = mvc.perform(copy(underpass, placeOfB, townB.publicOrder())
                .with(user(fixtures.user(townB.coordinator())))).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/orte/" + placeOfB.value() + "/konzept");

        var concept = as(townB.coordinator(), () -> concepts.concept(placeOfB));
        assertThat(concept.goals()).containsExactly("Die Unterführung ist abends hell",
                "Hinweise an " + SharedPractice.BLANKED);
        var copied = concept.measures().stream().filter(m -> !m.title().equals("Interne Reinigung")).toList();
        assertThat(copied).extracting(Measure::title).containsExactlyInAnyOrder("LED-Leuchten", "Kamera am Ausgang");
        assertThat(copied).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(MeasureStatus.PLANNED);
            assertThat(m.startsOn()).isNull();
            assertThat(m.endsOn()).isNull();
            assertThat(m.costEuros()).isNull();
            assertThat(m.organisation()).isEqualTo(townB.publicOrder());
            assertThat(m.title() + " " + m.description()).doesNotContain("123456", "Tel. 0711");
        });
        assertThat(copied).filteredOn(m -> m.kind() == MeasureKind.VIDEO).extracting(Measure::legalBasis)
                .containsExactly("§ 21 Abs. 3 PolG BW");
        // as stored, read past row-level security: every copied row is B's and names nothing of A
        var owner = JdbcClient.create(ownerDatabase);
        var rows = owner.sql("""
                SELECT m.partnership_id, m.organisation_id, m.description, p.partnership_id AS place_partnership
                FROM places_measure m JOIN places_place p ON p.id = m.place_id WHERE m.place_id = ?""")
                .param(placeOfB.value()).query((rs, n) -> List.of(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class))).list();
        assertThat(rows).hasSize(3).allSatisfy(row -> {
            assertThat(row.get(0)).isEqualTo(townB.id().value());
            assertThat(row.get(3)).isEqualTo(townB.id().value());
            assertThat(row.get(1)).isNotIn(townA.publicOrder().value(), townA.police().value());
            assertThat((String) row.get(2)).doesNotContain("123456");
        });
        var goals = owner.sql("SELECT text FROM places_goal WHERE place_id = ?").param(placeOfB.value())
                .query(String.class).list();
        assertThat(String.join(" ", goals)).doesNotContain(EMAIL);
        // A's concept is as it was
        assertThat(as(townA.coordinator(), () -> concepts.concept(underpass).measures())).hasSize(3)
                .allSatisfy(m -> assertThat(m.organisation()).isIn(townA.publicOrder(), townA.police()));
    }

    @Test
    void aCopyIntoAnotherTownsPlaceOrForAnotherTownsOrganisationStoresNothing() throws Exception {
        var before = measuresAt(underpass) + measuresAt(placeOfB) + measuresAt(internalPlace);
        status(copy(underpass, internalPlace, townB.publicOrder()), townB.coordinator(), 404);
        var refused = mvc.perform(copy(underpass, placeOfB, townA.publicOrder())
                .with(user(fixtures.user(townB.coordinator())))).andReturn().getResponse();
        assertThat(refused.getRedirectedUrl()).isEqualTo("/network/practice/concepts/" + underpass.value());
        var noPlace = mvc.perform(copy(underpass, null, townB.publicOrder())
                .with(user(fixtures.user(townB.coordinator())))).andReturn().getResponse();
        assertThat(noPlace.getRedirectedUrl()).isEqualTo("/network/practice/concepts/" + underpass.value());
        // the steering group reads the catalogue but does not plan measures
        status(copy(underpass, placeOfB, townB.publicOrder()), townB.steeringUser(), 403);
        assertThat(measuresAt(underpass) + measuresAt(placeOfB) + measuresAt(internalPlace)).isEqualTo(before);
        assertThat(as(townB.coordinator(), () -> concepts.concept(placeOfB).goals())).isEmpty();
    }

    @Test
    void aConceptOrProjectSharedWithTheWholeInstallationReachesAPartnershipInNoNetworkWithTheTown() throws Exception {
        var outsider = fixtures.city();
        var project = as(townA.coordinator(), () -> projects.create(new ProjectDraft("Nachtlotsen A", null, List.of(),
                PreventionField.PUBLIC_SPACE, Set.of(TargetGroup.RESIDENTS), "", List.of(), List.of(), null, null,
                List.of(), "", Evidence.none())));
        as(townA.coordinator(), () -> {
            networks.shareWithInstallation(ShareKind.SAFETY_CONCEPT, internalPlace.value(), "Ordnungsamt A");
            networks.shareWithInstallation(ShareKind.PROJECT, project.value(), null);
            assertThatThrownBy(() -> networks.shareWithInstallation(ShareKind.KEY_FIGURES, internalPlace.value(), null))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("network.installation.kind");
            assertThatThrownBy(() -> networks.shareWithInstallation(ShareKind.SAFETY_CONCEPT, placeOfB.value(), null))
                    .isInstanceOf(NotFoundException.class);
            return null;
        });
        try {
            var catalogue = Jsoup.parse(body(get("/network/practice"), outsider.coordinator()));
            assertThat(catalogue.select("#shared-concepts a").eachText()).contains("Interner Ort A")
                    .doesNotContain("Unterführung Bahnhof A"); // that one went to the county's network only
            assertThat(catalogue.select("#practice a").eachText()).contains("Nachtlotsen A");
            status(get("/network/practice/concepts/" + internalPlace.value()), outsider.coordinator(), 200);
            status(get("/network/practice/" + project.value()), outsider.coordinator(), 200);
            var outsidersPlace = place(outsider, "Platz des Außenstehenden");
            var copied = mvc.perform(copy(internalPlace, outsidersPlace, outsider.publicOrder())
                    .with(user(fixtures.user(outsider.coordinator())))).andReturn().getResponse();
            assertThat(copied.getRedirectedUrl()).isEqualTo("/orte/" + outsidersPlace.value() + "/konzept");
            assertThat(as(townA.coordinator(), () -> networks.installationShares())).hasSize(2);
        } finally {
            as(townA.coordinator(), () -> {
                networks.unshareFromInstallation(ShareKind.SAFETY_CONCEPT, internalPlace.value());
                networks.unshareFromInstallation(ShareKind.PROJECT, project.value());
                return null;
            });
        }
        status(get("/network/practice/concepts/" + internalPlace.value()), outsider.coordinator(), 404);
        status(get("/network/practice/" + project.value()), outsider.coordinator(), 404);
    }

    private long measuresAt(PlaceId place) {
        return JdbcClient.create(ownerDatabase).sql("SELECT count(*) FROM places_measure WHERE place_id = ?")
                .param(place.value()).query(Long.class).single();
    }

    private static MockHttpServletRequestBuilder copy(PlaceId template, PlaceId into, OrganisationId organisation) {
        var request = post("/network/practice/concepts/" + template.value() + "/copy").with(csrf());
        if (into != null) {
            request.param("place", into.value().toString());
        }
        if (organisation != null) {
            request.param("organisation", organisation.value().toString());
        }
        return request;
    }

    private PlaceId place(Fixtures.City town, String name) {
        return as(town.coordinator(), () -> places.create(new PlaceDraft(name, null, Deficit.BOTH,
                "Dunkel am Abend", null, null, PlaceOrigin.MANUAL, "{\"type\":\"Point\",\"coordinates\":[9.18,48.78]}",
                40)));
    }

    private String townName(Fixtures.City town) {
        return JdbcClient.create(ownerDatabase).sql("SELECT name FROM partners_partnership WHERE id = ?")
                .param(town.id().value()).query(String.class).single();
    }
}
