package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;

@SipaIntegrationTest
class ReportDashboardTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    @Autowired
    ReportDashboard dashboard;

    @Autowired
    MockMvc mvc;

    @Test
    void theFiguresCountTodaysReportsTheOpenOnesAndTheMedianTimes() throws Exception {
        var city = fixtures.city();
        Supplier<CategoryId> create = () -> categories.create(new Category(CategoryId.random(), "sonstiges",
                "Sonstiges", null, null, 3, false, null, true, List.of()));
        var category = CurrentUser.runAs(SipaUser.system(city.id()), create);
        var first = submit(city, category);
        submit(city, category);
        submit(city, category);
        CurrentUser.runAs(SipaUser.system(city.id()), () -> reports.close(first.report(), ReportStatus.DONE, null));

        var today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        var statistics = CurrentUser.runAs(SipaUser.system(city.id()),
                () -> dashboard.statistics(today.minusDays(6), today));
        assertThat(statistics.perDay()).hasSize(7);
        assertThat(statistics.perDay().get(6).count()).isEqualTo(3);
        assertThat(statistics.total()).isEqualTo(3);
        assertThat(statistics.perOrganisation()).singleElement().satisfies(w -> {
            assertThat(w.organisation()).isNull();
            assertThat(w.open()).isEqualTo(2);
            assertThat(w.overdue()).isZero();
        });
        assertThat(statistics.byCategory()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("Sonstiges");
            assertThat(t.reports()).isEqualTo(3);
            assertThat(t.closure()).isNotNull();
            assertThat(t.firstResponse()).isNotNull();
        });
        assertThatThrownBy(() -> CurrentUser.runAs(SipaUser.system(city.id()),
                () -> dashboard.statistics(today, today.minusDays(1)))).hasMessage("dashboard.period.invalid");

        var page = mvc.perform(get("/reports/dashboard").with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Eingang pro Tag (3 im Zeitraum)", "<svg", "Sonstiges");
        mvc.perform(get("/reports/dashboard").with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isForbidden());
    }

    private Receipt submit(Fixtures.City city, CategoryId category) {
        return reports.submit(new NewReport(city.id(), category, "Hinweis", 48.7, 9.1, null, null, Map.of(), null,
                ReportSource.CITIZEN));
    }
}
