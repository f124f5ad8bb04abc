package de.sipa.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;

/** What the directory finds, by each filter and by text in names, functions, e-mails and organisation names. */
@SipaIntegrationTest
class DirectoryTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Directory directory;

    @Autowired
    People people;

    @Autowired
    Bodies bodies;

    @Autowired
    JdbcClient jdbc;

    City city;

    @BeforeEach
    void city() {
        city = fixtures.city();
        as(() -> {
            for (int i = 0; i < 30; i++) {
                people.create(new PersonDetails(city.publicOrder().value(), null, "Vorname" + i, "Schmidt" + i,
                        i % 2 == 0 ? "Sachbearbeitung" : "Leitung", null, null, "p" + i + "@amt.example",
                        java.util.List.of()));
            }
            return null;
        });
    }

    @Test
    void theCsvExportNeutralisesCellsThatASpreadsheetWouldReadAsFormulas() {
        as(() -> people.create(new PersonDetails(city.publicOrder().value(), null, "Eva", "=HYPERLINK(\"http://x\")",
                "@Leitung", "+49 711 1", null, null, java.util.List.of())));
        var out = new java.io.StringWriter();
        as(() -> {
            directory.exportCsv(new DirectoryQuery("HYPERLINK", null, null, null, null), out);
            return null;
        });
        assertThat(out.toString()).contains("\"'=HYPERLINK(\"\"http://x\"\")\"").contains(";'@Leitung;")
                .contains(";'+49 711 1;").doesNotContain(";=").doesNotContain(";@").doesNotContain(";+");
    }

    @Test
    void textMatchesNamesEitherWayRoundFunctionsEmailsAndOrganisations() {
        assertThat(names(query("Schmidt1", null, null, null))).hasSize(11);
        assertThat(names(query("vorname3 schmidt3", null, null, null))).containsExactly("Vorname3 Schmidt3");
        assertThat(names(query("schmidt3 vorname3", null, null, null))).containsExactly("Vorname3 Schmidt3");
        assertThat(names(query("p7@amt", null, null, null))).containsExactly("Vorname7 Schmidt7");
        assertThat(names(query("polizeirevier", null, null, null))).containsExactly("Paula Polizei-" + city.key());
        assertThat(names(query("vorname3\nschmidt", null, null, null))).isEmpty();
    }

    @Test
    void filtersCombineAndTheTotalCountsAllPages() {
        var page = as(() -> directory.search(query("schmidt", "leitung", city.publicOrder().value(), null),
                PageRequest.of(0, 10)));
        assertThat(page.getTotalElements()).isEqualTo(15);
        assertThat(page.getContent()).hasSize(10).allMatch(e -> e.function().equals("Leitung"));
        var second = as(() -> directory.search(query("schmidt", "leitung", city.publicOrder().value(), null),
                PageRequest.of(1, 10)));
        assertThat(second.getContent()).hasSize(5);
        var beyond = as(() -> directory.search(query("schmidt", null, null, null), PageRequest.of(9, 10)));
        assertThat(beyond.getContent()).isEmpty();
        assertThat(beyond.getTotalElements()).isEqualTo(30);

        assertThat(names(query(null, null, null, city.steeringGroup().value()))).containsExactly("Paula Polizei-" + city.key());
        assertThat(names(new DirectoryQuery(null, null, null, city.districts().get(1).value(), null)))
                .containsExactly("Otto Ordnung-" + city.key());
    }

    @Test
    void aMembershipCountsFromMidnightWhereThePartnershipIsNotFromMidnightUtc() {
        // 23:30 UTC on 5 December is 00:30 on 6 December in Berlin.
        var lateEvening = Clock.fixed(Instant.parse("2026-12-05T23:30:00Z"), ZoneId.of("Europe/Berlin"));
        var repository = new DirectoryRepository(jdbc, lateEvening);
        var fromToday = as(() -> people.create(new PersonDetails(city.publicOrder().value(), null, "Heute", "Neu",
                null, null, null, null, java.util.List.of())));
        var fromTomorrow = as(() -> people.create(new PersonDetails(city.publicOrder().value(), null, "Morgen", "Neu",
                null, null, null, null, java.util.List.of())));
        var untilYesterday = as(() -> people.create(new PersonDetails(city.publicOrder().value(), null, "Gestern",
                "Neu", null, null, null, null, java.util.List.of())));
        as(() -> {
            var body = city.steeringGroup();
            bodies.join(body, new MembershipDetails(fromToday.value(), MembershipRole.STANDING_MEMBER,
                    LocalDate.of(2026, 12, 6), null));
            bodies.join(body, new MembershipDetails(fromTomorrow.value(), MembershipRole.STANDING_MEMBER,
                    LocalDate.of(2026, 12, 7), null));
            bodies.join(body, new MembershipDetails(untilYesterday.value(), MembershipRole.STANDING_MEMBER,
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 5)));
            return null;
        });

        var members = as(() -> repository.search(city.id(), query("neu", null, null, city.steeringGroup().value()),
                PageRequest.of(0, 10)).getContent());
        assertThat(members).extracting(DirectoryEntry::fullName).containsExactly("Heute Neu");
        var all = as(() -> repository.search(city.id(), query("neu", null, null, null), PageRequest.of(0, 10))
                .getContent());
        assertThat(all).filteredOn(e -> !e.bodies().isEmpty()).extracting(DirectoryEntry::fullName)
                .containsExactly("Heute Neu");
    }

    private java.util.List<String> names(DirectoryQuery query) {
        return as(() -> directory.search(query, PageRequest.of(0, 100)).getContent().stream()
                .map(DirectoryEntry::fullName).toList());
    }

    private static DirectoryQuery query(String text, String function, UUID organisation, UUID body) {
        return new DirectoryQuery(text, organisation, body, null, function);
    }

    private <T> T as(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}
