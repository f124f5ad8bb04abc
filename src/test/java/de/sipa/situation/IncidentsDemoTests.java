package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.DemoIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;
import de.sipa.shared.DemoStory;

/**
 * Musterstadt's police incidents tell the reports' story (fewer at the Palastgarten once it is lit, the Hauptbahnhof a
 * hotspot), and its public page shows the published PKS figures of the whole city.
 */
@DemoIntegrationTest
class IncidentsDemoTests {

    @Autowired
    Partnerships partnerships;

    @Autowired
    HotspotAnalysis analysis;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    /** The day the demo was loaded, which the story is dated from. */
    @Autowired
    DemoStory story;

    @Test
    void palastgartenIncidentsDropOnceItIsLitAndTheHauptbahnhofIsAHotspot() {
        var musterstadt = partnerships.bySlug("musterstadt").orElseThrow().id();
        var first = IncidentsDemo.first(story);
        var lit = story.lightingRenewed();
        double before = perDay(musterstadt.value(), first, lit.minusDays(1));
        double after = perDay(musterstadt.value(), lit, story.today().minusDays(1));
        assertThat(before).isGreaterThan(0.3);
        assertThat(after).isLessThan(before / 3);

        var map = CurrentUser.runAs(SipaUser.system(musterstadt), () -> analysis.analyse(new HotspotQuery(first,
                story.today(), List.of(), HotspotSource.INCIDENTS, 100, null, IncidentsDemo.DRUGS)));
        assertThat(map.points()).isGreaterThan(100);
        assertThat(map.hotCells()).isNotEmpty().anySatisfy(cell -> {
            assertThat(Math.abs(cell.latitude() - IncidentsDemo.HAUPTBAHNHOF.latitude())).isLessThan(0.002);
            assertThat(Math.abs(cell.longitude() - IncidentsDemo.HAUPTBAHNHOF.longitude())).isLessThan(0.003);
        });
    }

    @Test
    void thePublicPageShowsThePublishedFiguresOfTheWholeCity() throws Exception {
        var page = Jsoup.parse(mvc.perform(get("/buerger/musterstadt/kriminalstatistik")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        int last = story.today().getYear() - 1;
        assertThat(page.select("table.published-year")).hasSize(2);
        assertThat(page.select("#year-" + last + " tbody th").eachText()).containsExactly("Straftaten insgesamt",
                "Straßenkriminalität", "Wohnungseinbruchdiebstahl", "Rauschgiftdelikte");
        assertThat(page.text()).doesNotContain("Mitte", "Hafen", "Gewaltkriminalität");
    }

    /** Street crime within about 150 m of the Palastgarten per day of the period. */
    private double perDay(java.util.UUID partnership, LocalDate from, LocalDate to) {
        var spot = IncidentsDemo.PALASTGARTEN;
        int count = jdbc.sql("""
                SELECT count(*) FROM situation_incident WHERE partnership_id = ? AND offence_group = ?
                AND occurred_on BETWEEN ? AND ? AND abs(latitude - ?) < 0.0014 AND abs(longitude - ?) < 0.002""")
                .params(partnership, IncidentsDemo.STREET, Date.valueOf(from), Date.valueOf(to), spot.latitude(),
                        spot.longitude())
                .query(Integer.class).single();
        return count / (double) (ChronoUnit.DAYS.between(from, to) + 1);
    }
}
