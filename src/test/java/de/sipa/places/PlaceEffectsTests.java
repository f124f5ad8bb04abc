package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.identity.SipaUser;
import de.sipa.places.PlaceEffect.Caveat;
import de.sipa.places.WeightedDisplacementQuotient.Reading;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;
import de.sipa.shared.RuleViolationException;

/**
 * The evaluation of a place on constructed reports: 30 → 10 in the garden, 5 → 15 in the street 100 m east of it
 * (inside the 200 m buffer), 20 → 20 in a comparison area 1.3 km away, and reports outside the windows or areas that
 * must not count. Expected: difference in differences −20, ratio 1/3, WDQ (15/20 − 5/20) / (10/20 − 30/20) = −0.5
 * (displacement, less than gained), total net effect (30 − 10) + (5 − 15) = 10.
 */
@SipaIntegrationTest
class PlaceEffectsTests {

    static final String COMPARISON = "{\"type\":\"Polygon\",\"coordinates\":[[[9.200,48.781],[9.202,48.781],"
            + "[9.202,48.783],[9.200,48.783],[9.200,48.781]]]}";

    @Autowired
    Fixtures fixtures;

    @Autowired
    Places places;

    @Autowired
    PlaceEffects effects;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    PublicPlaceRepository ratingStore;

    Fixtures.City city;
    PlaceId garden;
    LocalDate start;

    @BeforeEach
    void aGardenWithReportsBeforeAndAfter() {
        city = fixtures.city();
        start = LocalDate.now(clock).minusMonths(6);
        garden = as(city.coordinator(), () -> places.create(new PlaceDraft("Palastgarten", null, Deficit.BOTH, "",
                null, "Grünflächenamt", PlaceOrigin.MANUAL, PlacesTests.GARDEN, null)));
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var noise = categories.create(new Category(CategoryId.random(), "laerm", "Lärm", null, null, 3, false, null,
                    true, List.of()));
            reportsAt(noise, 30, 48.782, 9.183, start.minusDays(30));   // garden, before
            reportsAt(noise, 10, 48.782, 9.183, start.plusDays(30));    // garden, after
            reportsAt(noise, 5, 48.782, 9.1854, start.minusDays(20));   // the street 100 m east, before
            reportsAt(noise, 15, 48.782, 9.1854, start.plusDays(20));   // the street, after
            reportsAt(noise, 20, 48.782, 9.201, start.minusDays(40));   // comparison, before
            reportsAt(noise, 20, 48.782, 9.201, start.plusDays(40));    // comparison, after
            reportsAt(noise, 7, 48.782, 9.183, start.minusDays(200));   // garden, before the window before
            reportsAt(noise, 4, 48.782, 9.183, start.plusDays(100));    // garden, after the window after
            reportsAt(noise, 6, 48.790, 9.183, start.plusDays(10));     // 900 m north: in no area
        });
    }

    @Test
    void theEvaluationCountsPlaceBufferAndComparisonAreaAndFindsDisplacement() {
        as(city.coordinator(), () -> {
            effects.change(garden, new PlaceEffectSettings(start, 3, 200, COMPARISON));
            return null;
        });

        var effect = as(city.steeringUser(), () -> effects.evaluate(garden));

        assertThat(effect.place()).isEqualTo(new AreaCounts(30, 10));
        assertThat(effect.buffer()).isEqualTo(new AreaCounts(5, 15));
        assertThat(effect.comparison()).isEqualTo(new AreaCounts(20, 20));
        assertThat(effect.afterTo()).isEqualTo(start.plusMonths(3).minusDays(1));
        assertThat(effect.beforeTo()).isEqualTo(start.minusDays(1));
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(effect.beforeFrom(), effect.afterFrom()))
                .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(effect.afterFrom(), effect.afterTo().plusDays(1)));
        assertThat(effect.difference().difference()).isEqualTo(-20);
        assertThat(effect.difference().ratio()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(effect.displacement().value()).isCloseTo(-0.5, within(1e-9));
        assertThat(effect.displacement().totalNetEffect()).isCloseTo(10.0, within(1e-9));
        assertThat(effect.displacement().reading()).isEqualTo(Reading.DISPLACEMENT);
        assertThat(effect.caveats()).contains(Caveat.SEASONS_DIFFER, Caveat.SMALL_NUMBERS, Caveat.REPORTING)
                .doesNotContain(Caveat.TOO_FEW_CASES, Caveat.AFTER_NOT_OVER);
    }

    @Test
    void withoutAComparisonAreaOrWithTooFewCasesNoRateIsGiven() {
        var effect = as(city.coordinator(), () -> {
            effects.change(garden, new PlaceEffectSettings(start, 3, 200, null));
            return effects.evaluate(garden);
        });
        assertThat(effect.caveats()).contains(Caveat.NO_COMPARISON_AREA);
        assertThat(effect.difference()).isNull();
        assertThat(effect.displacement()).isNull();

        var late = as(city.coordinator(), () -> {
            effects.change(garden, new PlaceEffectSettings(start.plusDays(25), 1, 200, COMPARISON));
            return effects.evaluate(garden);
        });
        assertThat(late.place()).isEqualTo(new AreaCounts(0, 10));
        assertThat(late.enoughCases()).isFalse();
        assertThat(late.caveats()).contains(Caveat.TOO_FEW_CASES);
        assertThat(late.difference()).isNull();
    }

    @Test
    void aComparisonAreaTouchingTheBufferAndPartnersOutsideTheStaffAreRefused() {
        var touching = "{\"type\":\"Polygon\",\"coordinates\":[[[9.185,48.781],[9.187,48.781],[9.187,48.783],"
                + "[9.185,48.783],[9.185,48.781]]]}";
        assertThatThrownBy(() -> as(city.coordinator(), () -> {
            effects.change(garden, new PlaceEffectSettings(start, 12, 200, touching));
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessageContaining("place.effect.comparison.overlaps");
        assertThatThrownBy(() -> as(city.coordinator(), () -> {
            effects.change(garden, new PlaceEffectSettings(LocalDate.now(clock).plusDays(1), 12, 200, null));
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessageContaining("place.effect.start.future");
        assertThatThrownBy(() -> as(city.steeringUser(), () -> {
            effects.change(garden, new PlaceEffectSettings(start, 12, 200, null));
            return null;
        })).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theJsonHasParametersCountsEffectAndQuotient() throws Exception {
        as(city.coordinator(), () -> {
            effects.change(garden, new PlaceEffectSettings(start, 3, 200, COMPARISON));
            return null;
        });

        var body = mvc.perform(get("/orte/{id}/wirkung.json", garden.value())
                .with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var json = JsonMapper.builder().build().readTree(body);

        assertThat(json.at("/place/name").asString()).isEqualTo("Palastgarten");
        assertThat(json.at("/parameters/start").asString()).isEqualTo(start.toString());
        assertThat(json.at("/parameters/windowMonths").asInt()).isEqualTo(3);
        assertThat(json.at("/parameters/bufferMetres").asInt()).isEqualTo(200);
        assertThat(json.at("/parameters/comparisonArea/type").asString()).isEqualTo("Polygon");
        assertThat(json.at("/windows/after/from").asString()).isEqualTo(start.toString());
        assertThat(json.at("/counts/place/before").asInt()).isEqualTo(30);
        assertThat(json.at("/counts/place/after").asInt()).isEqualTo(10);
        assertThat(json.at("/counts/buffer/after").asInt()).isEqualTo(15);
        assertThat(json.at("/counts/comparison/before").asInt()).isEqualTo(20);
        assertThat(json.at("/effect/differenceInDifferences").asInt()).isEqualTo(-20);
        assertThat(json.at("/effect/ratioOfRatios").asDouble()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(json.at("/displacement/wdq").asDouble()).isCloseTo(-0.5, within(1e-9));
        assertThat(json.at("/displacement/reading").asString()).isEqualTo("DISPLACEMENT");
        assertThat(json.at("/displacement/totalNetEffect").asDouble()).isCloseTo(10.0, within(1e-9));
        assertThat(json.at("/enoughCases").asBoolean()).isTrue();
        assertThat(json.at("/sentence").asString()).contains("10 Meldungen", "in den 3 Monaten davor 30",
                "Umkreis von 200 m");
    }

    @Test
    void thePageShowsTableChartAndSentenceAndTheCoordinatorSetsTheParameters() throws Exception {
        var coordinator = user(fixtures.user(city.coordinator()));
        mvc.perform(post("/orte/{id}/wirkung", garden.value()).with(coordinator).with(csrf())
                .param("start", start.toString()).param("windowMonths", "3").param("bufferMetres", "200")
                .param("comparisonArea", COMPARISON))
                .andExpect(status().is3xxRedirection());

        var html = mvc.perform(get("/orte/{id}/wirkung", garden.value()).with(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var page = Jsoup.parse(html);
        assertThat(page.select("nav.tabs a.current").text()).isEqualTo("Wirkung");
        assertThat(page.select("#row-place td").eachText()).containsExactly("30", "10", "-20");
        assertThat(page.select("#row-buffer td").eachText()).containsExactly("5", "15", "10");
        assertThat(page.select("#row-comparison td").eachText()).containsExactly("20", "20", "0");
        assertThat(page.select("#effect-wdq").text()).contains("-0,50", "Verdrängung");
        assertThat(page.select("#effect-sentence").text()).contains("Umkreis von 200 m", "jahreszeitliche");
        assertThat(page.select("figure svg rect")).hasSize(6);
        assertThat(page.select("#area-map").attr("data-context")).contains("\"buffer\"");
        assertThat(page.select("#effect-form")).hasSize(1);

        var steering = mvc.perform(get("/orte/{id}/wirkung", garden.value())
                .with(user(fixtures.user(city.steeringUser()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(steering).select("#effect-form")).isEmpty();
        mvc.perform(post("/orte/{id}/wirkung", garden.value()).with(user(fixtures.user(city.steeringUser())))
                .with(csrf()).param("start", start.toString())).andExpect(status().isForbidden());
    }

    /**
     * Ratings two months before a start on the first of a month (2, 2, 3 and 1, 2: five, mean 2.0) and in the three
     * months from it (4, 4, 3; 5, 4; 4: six, mean 4.0); one month too early and one too late must not count.
     */
    @Test
    void theCitizensRatingsAreComparedInWholeMonthsOfTheSameWindows() throws Exception {
        var month = YearMonth.from(start).minusMonths(1);
        var first = month.atDay(1);
        rated(month.minusMonths(6), 5, 5);
        rated(month.minusMonths(2), 1, 2);
        rated(month.minusMonths(1), 2, 2, 3);
        rated(month, 4, 4, 3);
        rated(month.plusMonths(1), 5, 4);
        rated(month.plusMonths(2), 4);
        rated(month.plusMonths(3), 1, 1, 1);
        var coordinator = user(fixtures.user(city.coordinator()));
        mvc.perform(post("/orte/{id}/wirkung", garden.value()).with(coordinator).with(csrf())
                .param("start", first.toString()).param("windowMonths", "3").param("bufferMetres", "200"))
                .andExpect(status().is3xxRedirection());

        var ratings = as(city.steeringUser(), () -> effects.evaluate(garden)).ratings();
        assertThat(ratings.before()).isEqualTo(new RatingComparison.Window(5, 2.0));
        assertThat(ratings.after()).isEqualTo(new RatingComparison.Window(6, 4.0));
        assertThat(ratings.change()).isCloseTo(2.0, within(1e-9));
        assertThat(ratings.afterFrom()).isEqualTo(month);
        assertThat(ratings.afterTo()).isEqualTo(month.plusMonths(2));
        assertThat(ratings.beforeTo()).isEqualTo(month.minusMonths(1));
        assertThat(ratings.monthsLeftOut()).isFalse();

        var page = Jsoup.parse(mvc.perform(get("/orte/{id}/wirkung", garden.value()).with(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#ratings-before td").eachText()).containsExactly("5", "2,0");
        assertThat(page.select("#ratings-after td").eachText()).containsExactly("6", "4,0");
        assertThat(page.select("#effect-ratings-sentence").text()).contains("stieg von 2,0 auf 4,0");
        assertThat(page.select("#effect-ratings-withheld")).isEmpty();

        var json = JsonMapper.builder().build().readTree(mvc.perform(get("/orte/{id}/wirkung.json", garden.value())
                .with(coordinator)).andReturn().getResponse().getContentAsString());
        assertThat(json.at("/ratings/before/count").asInt()).isEqualTo(5);
        assertThat(json.at("/ratings/before/mean").asDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(json.at("/ratings/after/mean").asDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(json.at("/ratings/after/fromMonth").asString()).isEqualTo(month.toString());
        assertThat(json.at("/ratings/change").asDouble()).isCloseTo(2.0, within(1e-9));
    }

    /**
     * Measures that began in the middle of a month: that month (4, 4, 3) counts to neither side, and the three ratings
     * left after it are fewer than five, so neither their count nor their mean is shown.
     */
    @Test
    void theStartsOwnMonthIsLeftOutAndFewerThanFiveRatingsAreWithheld() throws Exception {
        var month = YearMonth.from(start).minusMonths(1);
        rated(month.minusMonths(2), 1, 2);
        rated(month.minusMonths(1), 2, 2, 3);
        rated(month, 4, 4, 3);
        rated(month.plusMonths(1), 5, 4);
        rated(month.plusMonths(2), 4);
        as(city.coordinator(), () -> {
            effects.change(garden, new PlaceEffectSettings(month.atDay(15), 3, 200, null));
            return null;
        });

        var ratings = as(city.steeringUser(), () -> effects.evaluate(garden)).ratings();
        assertThat(ratings.before()).isEqualTo(new RatingComparison.Window(5, 2.0));
        assertThat(ratings.after()).isEqualTo(new RatingComparison.Window(null, null));
        assertThat(ratings.after().withheld()).isTrue();
        assertThat(ratings.afterFrom()).isEqualTo(month.plusMonths(1));
        assertThat(ratings.monthsLeftOut()).isTrue();
        assertThat(ratings.change()).isNull();

        var steering = user(fixtures.user(city.steeringUser()));
        var page = Jsoup.parse(mvc.perform(get("/orte/{id}/wirkung", garden.value()).with(steering))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#ratings-after td").eachText()).containsExactly("weniger als 5", "–");
        assertThat(page.select("#effect-ratings-withheld").text()).contains("weniger als 5 Bewertungen");
        assertThat(page.select("#effect-ratings-sentence")).isEmpty();
        var json = JsonMapper.builder().build().readTree(mvc.perform(get("/orte/{id}/wirkung.json", garden.value())
                .with(steering)).andReturn().getResponse().getContentAsString());
        assertThat(json.at("/ratings/after/withheld").asBoolean()).isTrue();
        assertThat(json.at("/ratings/after/count").isNull()).isTrue();
        assertThat(json.at("/ratings/after/mean").isNull()).isTrue();
    }

    private void rated(YearMonth month, int... scores) {
        for (int score : scores) {
            ratingStore.rate(garden, PublicPlaces.hash(garden, UUID.randomUUID().toString()), month, score);
        }
    }

    private void reportsAt(CategoryId category, int count, double latitude, double longitude, LocalDate day) {
        var marker = "Hinweis " + latitude + " " + longitude + " " + day;
        for (int i = 0; i < count; i++) {
            reports.submit(new NewReport(city.id(), category, marker, latitude + i * 0.000005, longitude, null, null,
                    Map.of(), null, ReportSource.PARTNER));
        }
        jdbc.sql("UPDATE reports_report SET submitted_at = ? WHERE partnership_id = ? AND description = ?")
                .params(Timestamp.from(day.atTime(12, 0).atZone(clock.getZone()).toInstant()), city.id().value(),
                        marker)
                .update();
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}
