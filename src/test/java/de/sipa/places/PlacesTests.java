package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

@SipaIntegrationTest
class PlacesTests {

    static final String GARDEN = "{\"type\":\"Polygon\",\"coordinates\":[[[9.182,48.781],[9.184,48.781],[9.184,48.783],"
            + "[9.182,48.783],[9.182,48.781]]]}";

    @Autowired
    Fixtures fixtures;

    @Autowired
    Places places;

    @Autowired
    JdbcClient jdbc;

    Fixtures.City city;

    @BeforeEach
    void aCity() {
        city = fixtures.city();
    }

    @Test
    void aDrawnPlaceLiesInTheDistrictOfItsCentreAndIsAudited() {
        jdbc.sql("UPDATE partners_district SET boundary = ?::jsonb WHERE id = ?")
                .params("{\"type\":\"Polygon\",\"coordinates\":[[[9.17,48.77],[9.20,48.77],[9.20,48.79],[9.17,48.79],"
                        + "[9.17,48.77]]]}", city.districts().get(1).value())
                .update();

        var id = as(city.publicOrderUser(), () -> places.create(draft("Palastgarten")));

        var place = as(city.policeUser(), () -> places.place(id));
        assertThat(place.district()).isEqualTo(city.districts().get(1));
        assertThat(place.status()).isEqualTo(PlaceStatus.OBSERVED);
        assertThat(place.shape().area().contains(48.782, 9.183)).isTrue();
        assertThat(as(city.policeUser(), () -> places.within(new double[] {9.1835, 48.7825, 9.19, 48.79})))
                .extracting(Place::id).containsExactly(id);
        assertThat(as(city.policeUser(), () -> places.within(new double[] {9.185, 48.7825, 9.19, 48.79}))).isEmpty();
        assertThat(jdbc.sql("SELECT summary FROM identity_audit_entry WHERE subject_id = ?")
                .param(id.toString()).query(String.class).list()).containsExactly("Ort Palastgarten angelegt");
    }

    @Test
    void aSecondPlaceOfTheSameNameIsRefused() {
        as(city.coordinator(), () -> places.create(draft("Bahnhofsunterführung")));

        assertThatThrownBy(() -> as(city.coordinator(), () -> places.create(draft("bahnhofsunterführung"))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("place.name.taken");
    }

    @Test
    void theSteeringGroupReadsButDoesNotDrawAndOtherCitiesSeeNothing() {
        var id = as(city.coordinator(), () -> places.create(draft("Stadtpark")));

        assertThat(as(city.steeringUser(), () -> places.places())).extracting(Place::name).contains("Stadtpark");
        assertThatThrownBy(() -> as(city.steeringUser(), () -> places.create(draft("Marktplatz"))))
                .isInstanceOf(AccessDeniedException.class);
        var other = fixtures.city();
        assertThatThrownBy(() -> as(other.coordinator(), () -> places.place(id))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStatusChangeIsKeptAndAudited() {
        var id = as(city.coordinator(), () -> places.create(draft("Neckarufer")));

        as(city.coordinator(), () -> {
            places.changeStatus(id, PlaceStatus.CONCEPT_IN_WORK);
            return null;
        });

        assertThat(as(city.coordinator(), () -> places.place(id)).status()).isEqualTo(PlaceStatus.CONCEPT_IN_WORK);
        assertThat(jdbc.sql("SELECT summary FROM identity_audit_entry WHERE subject_id = ? AND action = 'CHANGED'")
                .param(id.toString()).query(String.class).list()).containsExactly("Ort Neckarufer: Status Konzept in Arbeit");
    }

    private static PlaceDraft draft(String name) {
        return new PlaceDraft(name, null, Deficit.BOTH, "Dunkle Wege", null, "Grünflächenamt", PlaceOrigin.MANUAL,
                GARDEN, null);
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}
