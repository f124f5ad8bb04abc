package de.sipa.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.sipa.partners.PersonId;
import de.sipa.shared.OrganisationId;

/** Roster lines formatted once in Java, printed as they are by the roster's table. */
class PatrolRosterRowTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void dayAndTimeAreInTheCitysZoneAndTheReadersLanguage() {
        var rows = PatrolRosterRow.of(List.of(entry(false, List.of())), BERLIN, Locale.GERMAN, "abgesagt",
                n -> n + " fehlen");
        assertThat(rows.get(0).day()).isEqualTo("Fr. 05.03.2027");
        assertThat(rows.get(0).time()).isEqualTo("20:00–02:00");
        assertThat(PatrolRosterRow.of(List.of(entry(false, List.of())), BERLIN, Locale.ENGLISH, "cancelled",
                n -> n + " missing").get(0).day()).isEqualTo("Fri 05.03.2027");
    }

    @Test
    void theCrewsCellEscapesNamesAndShowsWhatIsMissingUnlessThePatrolIsCancelled() {
        var members = List.of(new PatrolCrew.Member(new PersonId(UUID.randomUUID()), "Paula <b>Polizei</b>"));
        var open = PatrolRosterRow.of(List.of(entry(false, members)), BERLIN, Locale.GERMAN, "abgesagt",
                n -> n + " fehlt").get(0);
        assertThat(open.gap()).isTrue();
        assertThat(open.crews()).isEqualTo("<div class=\"crew\"><strong>Präsidium &amp; Co:</strong> "
                + "<span>Paula &lt;b&gt;Polizei&lt;/b&gt;</span> <span class=\"badge warn\">1 fehlt</span></div>");

        var cancelled = PatrolRosterRow.of(List.of(entry(true, members)), BERLIN, Locale.GERMAN, "abgesagt",
                n -> n + " fehlt").get(0);
        assertThat(cancelled.gap()).isFalse();
        assertThat(cancelled.crews()).isEqualTo("<span class=\"badge warn\">abgesagt</span><div class=\"crew\">"
                + "<strong>Präsidium &amp; Co:</strong> <span>Paula &lt;b&gt;Polizei&lt;/b&gt;</span></div>");
    }

    private static PatrolRosterEntry entry(boolean cancelled, List<PatrolCrew.Member> members) {
        var patrol = new Patrol(PatrolId.random(), PatrolPlanId.random(), LocalDate.of(2027, 3, 5),
                Instant.parse("2027-03-05T19:00:00Z"), Instant.parse("2027-03-06T01:00:00Z"), cancelled);
        return new PatrolRosterEntry(patrol, "Palastgarten", List.of("Palastgarten"),
                List.of(new PatrolCrew(new OrganisationId(UUID.randomUUID()), "Präsidium & Co", 2, members)));
    }
}
