package de.sipa.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;

/** A body's year plan through its pages: preview, confirmation, the series, one meeting cancelled on its own. */
@SipaIntegrationTest
class YearPlanningTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    /** Next year: all its dates lie ahead whenever the test runs. */
    private final int year = LocalDate.now(BERLIN).getYear() + 1;

    @Test
    void thePreviewStoresNothingAndTheConfirmationCreatesEveryMeetingOfTheSeriesWithAnAuditEntry() throws Exception {
        var city = fixtures.city();
        var coordinator = user(fixtures.user(city.coordinator()));
        assertThat(mvc.perform(get("/meetings").with(coordinator)).andReturn().getResponse().getContentAsString())
                .contains("/meetings/series/new");
        assertThat(mvc.perform(get("/meetings/series/new").param("body", city.steeringGroup().toString())
                .with(coordinator)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Jahresplanung", "value=\"Lenkungsgruppe " + city.key() + "\"",
                        "value=\"" + (LocalDate.now(BERLIN).getMonthValue() >= 10 ? year : year - 1) + "\"");

        var preview = mvc.perform(quarterly(post("/meetings/series/preview"), city).with(coordinator).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var dates = secondTuesdaysOfTheQuarters();
        assertThat(preview).doesNotContain("schon eine Sitzung").contains("Vorschau: 4 Sitzungen", "Baden-Württemberg", "Alle 4 Sitzungen anlegen",
                "id=\"series-confirm\"");
        dates.forEach(d -> assertThat(preview).contains(d.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))));
        assertThat(meetingsOf(city)).isZero();

        var location = mvc.perform(quarterly(post("/meetings/series"), city).with(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/meetings/series/");
        var series = UUID.fromString(location.substring("/meetings/series/".length()));
        var stored = jdbc.sql("SELECT starts_at FROM meetings_meeting WHERE series_id = ? ORDER BY starts_at")
                .param(series).query((rs, n) -> rs.getTimestamp(1).toInstant().atZone(BERLIN)).list();
        assertThat(stored).extracting(t -> t.toLocalDate()).containsExactlyElementsOf(dates);
        assertThat(stored).allSatisfy(t -> assertThat(t.toLocalTime()).isEqualTo(java.time.LocalTime.of(15, 30)));
        assertThat(meetingsOf(city)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT summary FROM identity_audit_entry WHERE subject_type = 'MeetingSeries' AND subject_id = ?")
                .param(series.toString()).query(String.class).list())
                .singleElement().asString().contains("Lenkungsgruppe " + city.key(), String.valueOf(year), "4 Sitzungen");

        var page = mvc.perform(get(location).with(user(fixtures.user(city.policeUser())))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("am zweiten Dienstag im ersten Monat jedes Quartals", "LG Sitzung");
        var meetings = jdbc.sql("SELECT id FROM meetings_meeting WHERE series_id = ? ORDER BY starts_at")
                .param(series).query(UUID.class).list();
        assertThat(mvc.perform(get("/meetings/" + meetings.get(1)).with(coordinator)).andReturn().getResponse()
                .getContentAsString()).contains("Teil der Reihe", location);

        mvc.perform(post("/meetings/" + meetings.get(1) + "/cancel").with(coordinator).with(csrf())
                .param("reason", "Sommerpause")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status FROM meetings_meeting WHERE series_id = ? ORDER BY starts_at")
                .param(series).query(String.class).list()).containsExactly("PLANNED", "CANCELLED", "PLANNED", "PLANNED");
        assertThat(mvc.perform(get(location).with(coordinator)).andReturn().getResponse().getContentAsString())
                .contains("abgesagt", "geplant");
        // Planning the same year again warns of the three meetings that still stand; the cancelled day is free.
        var again = mvc.perform(quarterly(post("/meetings/series/preview"), city).with(coordinator).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(again.split("Das Gremium hat an diesem Tag schon eine Sitzung", -1)).hasSize(4);
    }

    @Test
    void aPlanThatBreaksARuleShowsWhyAndStoresNothing() throws Exception {
        var city = fixtures.city();
        var coordinator = user(fixtures.user(city.coordinator()));
        var tooFar = mvc.perform(quarterly(post("/meetings/series"), city, "year", String.valueOf(year + 5))
                .with(coordinator).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooFar).contains("Geplant werden kann ein Jahr von " + (year - 1) + " bis " + (year + 1));
        var badOrdinal = mvc.perform(quarterly(post("/meetings/series/preview"), city, "ordinal", "6")
                .with(coordinator).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(badOrdinal).contains("Bitte den ersten bis vierten oder den letzten Wochentag im Monat wählen.")
                .doesNotContain("series-confirm");
        var startOutsideTheYear = mvc.perform(quarterly(post("/meetings/series"), city, "frequency", "WEEKS",
                "everyWeeks", "4", "startOn", (year - 1) + "-12-29").with(coordinator).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(startOutsideTheYear).contains("Das Datum der ersten Sitzung muss im Jahr " + year + " liegen.");
        // Every fourth week from Christmas Day: its only date that year, and left out as a public holiday.
        var holiday = mvc.perform(quarterly(post("/meetings/series"), city, "frequency", "WEEKS",
                "everyWeeks", "4", "startOn", LocalDate.of(year, 12, 25).toString(), "holidays", "SKIP").with(coordinator).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(holiday).contains("Nach dieser Regel bleibt im Jahr " + year + " kein Termin übrig");
        var missing = mvc.perform(quarterly(post("/meetings/series"), city, "title", "")
                .with(coordinator).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("has-error");
        assertThat(meetingsOf(city)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM meetings_series WHERE partnership_id = ?").param(city.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyThoseWhoMayPlanAMeetingMayPlanAYear() throws Exception {
        var city = fixtures.city();
        for (var account : List.of(city.policeUser(), city.steeringUser())) {
            mvc.perform(quarterly(post("/meetings/series"), city).with(user(fixtures.user(account))).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(quarterly(post("/meetings/series/preview"), city).with(user(fixtures.user(account)))
                    .with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(meetingsOf(city)).isZero();
    }

    /** The second Tuesday in the first month of each quarter, 15:30 for two hours; {@code overrides}: name, value. */
    private MockHttpServletRequestBuilder quarterly(MockHttpServletRequestBuilder request, City city,
            String... overrides) {
        var params = new java.util.LinkedHashMap<String, String>();
        params.put("bodyId", city.steeringGroup().toString());
        params.put("year", String.valueOf(year));
        params.put("title", "LG Sitzung");
        params.put("frequency", "QUARTERLY");
        params.put("ordinal", "2");
        params.put("weekday", "TUESDAY");
        params.put("monthOfQuarter", "1");
        params.put("time", "15:30");
        params.put("durationMinutes", "120");
        params.put("location", "Rathaus");
        params.put("holidays", "SHIFT");
        for (int i = 0; i < overrides.length; i += 2) {
            params.put(overrides[i], overrides[i + 1]);
        }
        params.forEach(request::param);
        return request;
    }

    /** Next year's second Tuesdays of January, April, July and October; none is a public holiday in BW. */
    private List<LocalDate> secondTuesdaysOfTheQuarters() {
        return List.of(1, 4, 7, 10).stream().map(m -> LocalDate.of(year, m, 1)
                .with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY))).toList();
    }

    private long meetingsOf(City city) {
        return jdbc.sql("SELECT count(*) FROM meetings_meeting WHERE body_id = ?").param(city.steeringGroup().value())
                .query(Long.class).single();
    }
}
