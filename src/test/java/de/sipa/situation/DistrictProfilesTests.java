package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.lowagie.text.pdf.PdfReader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.shared.TrendChart;
import de.sipa.Fixtures;
import de.sipa.PdfFiles;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.identity.SipaUser;
import de.sipa.partners.DistrictId;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportId;
import de.sipa.reports.ReportSource;
import de.sipa.reports.ReportStatus;
import de.sipa.reports.Reports;
import de.sipa.responsibilities.EntryDetails;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.responsibilities.TopicDetails;

@SipaIntegrationTest
class DistrictProfilesTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Categories categories;

    @Autowired
    Reports reports;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    CrimeFigures crimeFigures;

    @Autowired
    CrimeFigureImport crimeFigureImport;

    @Autowired
    DistrictProfiles profiles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    Fixtures.City city;
    DistrictId mitte;
    DistrictId nord;
    int lastYear;

    /**
     * Mitte: three noise reports (one of them a year old) and two about litter (one closed), one noise report past its
     * deadline; Nord: one noise report. The Ordnungsamt leads "Lärm in Grünanlagen" in Mitte, the police support.
     * PKS for Mitte and Nord over two years, Mitte with 20,000 inhabitants.
     */
    @BeforeEach
    void aCityWithReportsInMitte() {
        city = fixtures.city();
        mitte = city.districts().get(0);
        nord = city.districts().get(1);
        lastYear = Year.now().getValue() - 1;
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var noise = category("laerm-" + city.key(), "Lärm");
            var litter = category("muell-" + city.key(), "Müll");
            submit(noise, mitte);
            var late = submit(noise, mitte);
            var old = submit(noise, mitte);
            submit(litter, mitte);
            var done = submit(litter, mitte);
            submit(noise, nord);
            jdbc.sql("UPDATE reports_report SET submitted_at = submitted_at - interval '1 year' WHERE id = ?")
                    .param(old.value()).update();
            jdbc.sql("UPDATE reports_report SET deadline = now() - interval '2 days' WHERE id = ?")
                    .param(late.value()).update();
            jdbc.sql("UPDATE reports_report SET deadline = now() + interval '2 days' WHERE id IN (?, ?)")
                    .params(old.value(), done.value()).update();
            reports.close(done, ReportStatus.DONE, null);
        });
        asCoordinator(() -> {
            var topic = responsibilities.createTopic(new TopicDetails("Lärm in Grünanlagen", null, null, true));
            responsibilities.assign(new EntryDetails(topic.value(), mitte.value(), null, city.publicOrder().value(),
                    Responsibility.LEAD, null, null, "Test"));
            responsibilities.assign(new EntryDetails(topic.value(), null, null, city.police().value(),
                    Responsibility.SUPPORT, null, null, "Test"));
            crimeFigures.enterPopulations(lastYear, Map.of(mitte, 20_000));
            var csv = CrimeFiguresTests.HEADER
                    + "000000;Straftaten insgesamt;Mitte;" + (lastYear - 1) + ";1000;500;400\n"
                    + "000000;Straftaten insgesamt;Mitte;" + lastYear + ";1100;600;450\n"
                    + "000000;Straftaten insgesamt;Nord;" + lastYear + ";300;150;100\n";
            crimeFigureImport.confirm(csv.getBytes(StandardCharsets.UTF_8), PksMapping.guess());
            return null;
        });
    }

    @Test
    void theProfileCountsTheReportsPerMonthAndCategoryWithLastYearsValueAndTheOpenAndOverdueOnes() {
        var profile = asCoordinator(() -> profiles.profile(mitte));

        assertThat(profile.months()).hasSize(12);
        assertThat(profile.categories()).extracting(DistrictProfile.CategoryRow::category)
                .containsExactly("Lärm", "Müll");
        var noise = profile.categories().get(0);
        assertThat(noise.counts().get(11)).isEqualTo(2);
        assertThat(noise.yearBefore().get(11)).isEqualTo(1);
        assertThat(noise.sum()).isEqualTo(2);
        assertThat(noise.sumYearBefore()).isEqualTo(1);
        assertThat(profile.categories().get(1).counts().get(11)).isEqualTo(2);
        assertThat(profile.total().sum()).isEqualTo(4);
        assertThat(profile.total().sumYearBefore()).isEqualTo(1);
        assertThat(profile.open()).isEqualTo(4);
        assertThat(profile.overdue()).isEqualTo(1);

        assertThat(profile.population()).isEqualTo(20_000);
        assertThat(profile.populationYear()).isEqualTo(lastYear);
        assertThat(profile.leads()).singleElement().satisfies(lead -> {
            assertThat(lead.topic()).isEqualTo("Lärm in Grünanlagen");
            assertThat(lead.leads()).containsExactly("Ordnungsamt " + city.key());
            assertThat(lead.supporters()).containsExactly("Polizeirevier " + city.key());
            assertThat(lead.local()).isTrue();
        });
        var total = profile.crime().rows().get(0);
        assertThat(profile.crime().years()).containsExactly(lastYear - 1, lastYear);
        assertThat(total.latest().cases()).isEqualTo(1100);
        assertThat(total.latest().frequencyRate()).isEqualTo(5500.0);

        var summaries = asCoordinator(() -> profiles.summaries());
        assertThat(summaries).extracting(s -> s.district().name()).containsExactly("Mitte", "Nord");
        assertThat(summaries.get(0).reports()).isEqualTo(4);
        assertThat(summaries.get(0).reportsYearBefore()).isEqualTo(1);
        assertThat(summaries.get(0).overdue()).isEqualTo(1);
        assertThat(summaries.get(1).reports()).isEqualTo(1);
        assertThat(summaries.get(1).crime().cases()).isEqualTo(300);
    }

    @Test
    void thePageShowsTheFiguresLeadsAndCrimeFiguresToTheCoordinationAndThePolice() throws Exception {
        for (var who : List.of(city.coordinator(), city.policeUser())) {
            var page = mvc.perform(get("/lagebild/stadtteile/" + mitte.value()).with(user(fixtures.user(who))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("Stadtteilprofil Mitte", "id=\"reports-per-month\"", "Lärm", "Müll",
                    "4 Anliegen offen, davon 1 überfällig", "20.000 Einwohner (" + lastYear + ")", "Lärm in Grünanlagen",
                    "Ordnungsamt " + city.key(), "id=\"crime-figures\"", "Straftaten insgesamt", "5500",
                    "/lagebild/stadtteile/" + mitte.value() + ".pdf");
        }
        var list = mvc.perform(get("/lagebild/stadtteile").with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("/lagebild/stadtteile/" + nord.value(), "1100 (" + lastYear + ")");
        var start = mvc.perform(get("/").with(user(fixtures.user(city.coordinator()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(start).contains("/lagebild/stadtteile");
    }

    @Test
    void theProfileShowsTheDistrictsCrimeTrendPerGroupAsAChartWithTheFrequencyRatePerYear() throws Exception {
        var chart = asCoordinator(() -> profiles.profile(mitte)).crime().chart(CrimeMeasure.CASES);
        assertThat(chart.lines()).hasSize(OffenceGroup.DEFAULTS.size()).first().satisfies(line -> {
            assertThat(line.name()).isEqualTo("Straftaten insgesamt");
            assertThat(line.points()).extracting(TrendChart.Point::year).containsExactly(lastYear - 1, lastYear);
            assertThat(line.points()).extracting(TrendChart.Point::value).containsExactly(1000.0, 1100.0);
        });
        var rates = asCoordinator(() -> profiles.profile(mitte)).crime().chart(CrimeMeasure.FREQUENCY);
        assertThat(rates.lines()).first().satisfies(line ->
                assertThat(line.points()).extracting(TrendChart.Point::value).containsExactly(5500.0));

        var page = mvc.perform(get("/lagebild/stadtteile/" + mitte.value()).param("measure", "FREQUENCY")
                        .with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"district-trend-chart\"", "class=\"line-label\"", "HZ 5500",
                "Häufigkeitszahl (Fälle je 100.000 Einwohner) je Deliktsgruppe in Mitte");
        var steering = mvc.perform(get("/lagebild/stadtteile/" + mitte.value())
                        .with(user(fixtures.user(city.steeringUser()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(steering).doesNotContain("district-trend-chart");
    }

    @Test
    void theSteeringGroupSeesTheProfileWithoutCrimeFiguresPerDistrict() throws Exception {
        var steering = fixtures.user(city.steeringUser());
        var page = mvc.perform(get("/lagebild/stadtteile/" + mitte.value()).with(user(steering)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Stadtteilprofil Mitte", "Lärm in Grünanlagen", "id=\"no-district-crime\"")
                .doesNotContain("id=\"crime-figures\"", "Straftaten insgesamt", "5500");
        var list = mvc.perform(get("/lagebild/stadtteile").with(user(steering)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Mitte").doesNotContain("1100", "300 (");
        var pdf = mvc.perform(get("/lagebild/stadtteile/" + mitte.value() + ".pdf").with(user(steering)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PdfFiles.text(pdf)).contains("Stadtteilprofil Mitte").doesNotContain("Straftaten insgesamt");
        assertThat(asUser(city.steeringUser(), () -> profiles.profile(mitte)).crime()).isNull();
    }

    @Test
    void theProfileIsOnePdfPageWithTheDistrictsName() throws Exception {
        var response = mvc.perform(get("/lagebild/stadtteile/" + mitte.value() + ".pdf")
                .with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"stadtteilprofil-mitte.pdf\""))
                .andReturn().getResponse().getContentAsByteArray();
        var reader = new PdfReader(response);
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
        } finally {
            reader.close();
        }
        assertThat(PdfFiles.text(response)).contains("Stadtteilprofil Mitte", "Lärm", "Ordnungsamt " + city.key(),
                "Straftaten insgesamt");
    }

    @Test
    void otherPartnersMayNotSeeTheProfiles() throws Exception {
        var clerk = fixtures.user(city.publicOrderUser());
        mvc.perform(get("/lagebild/stadtteile").with(user(clerk))).andExpect(status().isForbidden());
        mvc.perform(get("/lagebild/stadtteile/" + mitte.value()).with(user(clerk))).andExpect(status().isForbidden());
        mvc.perform(get("/lagebild/stadtteile/" + mitte.value() + ".pdf").with(user(clerk)))
                .andExpect(status().isForbidden());
        var district = mvc.perform(get("/districts/" + mitte.value()).with(user(clerk)))
                .andReturn().getResponse().getContentAsString();
        assertThat(district).doesNotContain("/lagebild/stadtteile/");
    }

    @Test
    void anUnknownDistrictIsNotFound() throws Exception {
        mvc.perform(get("/lagebild/stadtteile/" + java.util.UUID.randomUUID())
                .with(user(fixtures.user(city.coordinator())))).andExpect(status().isNotFound());
    }

    private CategoryId category(String code, String name) {
        return categories.create(new Category(CategoryId.random(), code, name, null, null, 3, false, null, true,
                List.of()));
    }

    private ReportId submit(CategoryId category, DistrictId district) {
        return reports.submit(new NewReport(city.id(), category, "Hinweis", null, null, "Marktplatz 1", district,
                Map.of(), null, ReportSource.PARTNER)).report();
    }

    private <T> T asCoordinator(Supplier<T> work) {
        return asUser(city.coordinator(), work);
    }

    private <T> T asUser(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}
