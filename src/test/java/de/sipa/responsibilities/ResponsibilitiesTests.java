package de.sipa.responsibilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

@SipaIntegrationTest
class ResponsibilitiesTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Responsibilities responsibilities;

    City city;
    TopicId noise;

    @BeforeEach
    void city() {
        city = fixtures.city();
        noise = as(() -> responsibilities.createTopic(new TopicDetails("Lärm " + city.key(), null, "PolG", true)));
    }

    @Test
    void everyChangeIsVersionedAndAnyPastStateCanBeReadBack() throws InterruptedException {
        var first = as(() -> responsibilities.assign(entry(city.publicOrder().value(), Responsibility.LEAD, "Erstaufstellung")));
        var afterFirst = Instant.now();
        Thread.sleep(5);
        as(() -> {
            responsibilities.change(first, entry(city.police().value(), Responsibility.LEAD, "Polizei übernimmt"));
            responsibilities.assign(entry(city.publicOrder().value(), Responsibility.SUPPORT, "Ordnungsamt unterstützt"));
        });

        var then = as(() -> responsibilities.matrixAsOf(afterFirst));
        assertThat(then.entriesOf(noise)).singleElement().satisfies(e -> {
            assertThat(e.organisation()).isEqualTo(city.publicOrder());
            assertThat(e.responsibility()).isEqualTo(Responsibility.LEAD);
        });
        var now = as(() -> responsibilities.matrix());
        assertThat(now.entriesOf(noise)).extracting(MatrixEntry::organisation, MatrixEntry::responsibility)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(city.police(), Responsibility.LEAD),
                        org.assertj.core.groups.Tuple.tuple(city.publicOrder(), Responsibility.SUPPORT));
        assertThat(now.entriesOf(noise)).filteredOn(e -> e.responsibility() == Responsibility.LEAD)
                .extracting(MatrixEntry::id).containsExactly(first);

        var history = as(() -> responsibilities.history(org.springframework.data.domain.PageRequest.of(0, 10)));
        assertThat(history.getContent()).extracting(MatrixChange::reason)
                .startsWith("Ordnungsamt unterstützt", "Polizei übernimmt", "Erstaufstellung");
        assertThat(history.getContent()).allMatch(c -> c.actor().equals("system"));
        var change = as(() -> responsibilities.changeDetails(history.getContent().get(1).id()));
        assertThat(change.ended()).singleElement().extracting(MatrixEntry::organisation).isEqualTo(city.publicOrder());
        assertThat(change.started()).singleElement().extracting(MatrixEntry::organisation).isEqualTo(city.police());
    }

    @Test
    void whoLeadsAnswersTheCurrentStateRightAfterAChange() {
        var at = Instant.now();
        assertThat(responsibilities.whoLeads(noise, city.districts().get(0), at).goesToCoordinator()).isTrue();

        var entry = as(() -> responsibilities.assign(entry(city.publicOrder().value(), Responsibility.LEAD, "Ordnungsamt führt")));
        assertThat(responsibilities.whoLeads(noise, city.districts().get(0), at).lead()).contains(city.publicOrder());

        as(() -> responsibilities.change(entry, entry(city.police().value(), Responsibility.LEAD, "Polizei führt")));
        assertThat(responsibilities.whoLeads(noise, city.districts().get(0), at).lead()).contains(city.police());

        as(() -> responsibilities.remove(entry, "Aufgabe entfällt"));
        assertThat(responsibilities.whoLeads(noise, city.districts().get(0), at).goesToCoordinator()).isTrue();
    }

    @Test
    void aTimeWindowAddedLaterTakesEffectForItsEntries() {
        var night = as(() -> responsibilities.createTimeWindow(new TimeWindowDetails("Nacht", LocalTime.of(22, 0), LocalTime.of(6, 0))));
        as(() -> {
            responsibilities.assign(entry(city.publicOrder().value(), Responsibility.LEAD, "tags"));
            responsibilities.assign(new EntryDetails(noise.value(), null, night.value(), city.police().value(),
                    Responsibility.LEAD, "2 Streifen", null, "nachts"));
        });
        var midnight = java.time.ZonedDateTime.of(2026, 5, 5, 0, 30, 0, 0, java.time.ZoneId.of("Europe/Berlin")).toInstant();
        var noon = midnight.plusSeconds(12 * 3600);
        assertThat(responsibilities.whoLeads(noise, null, midnight).lead()).contains(city.police());
        assertThat(responsibilities.whoLeads(noise, null, noon).lead()).contains(city.publicOrder());
    }

    @Test
    void conflictingEntriesAreKeptAndFlaggedButTheVerySameEntryTwiceIsRefused() {
        as(() -> {
            responsibilities.assign(entry(city.publicOrder().value(), Responsibility.LEAD, "Ordnungsamt"));
            responsibilities.assign(entry(city.police().value(), Responsibility.LEAD, "Polizei auch"));
        });
        assertThat(as(() -> responsibilities.findings()))
                .filteredOn(f -> f.topic().equals(noise) && f.kind() == FindingKind.OVERLAP)
                .singleElement().satisfies(f -> {
                    assertThat(f.everywhere()).isTrue();
                    assertThat(f.organisations()).containsExactlyInAnyOrder(city.publicOrder(), city.police());
                });
        assertThat(as(() -> responsibilities.matrix()).entriesOf(noise)).hasSize(2);
        assertThatThrownBy(() -> as(() -> responsibilities.assign(entry(city.police().value(), Responsibility.LEAD, "doppelt"))))
                .isInstanceOf(RuleViolationException.class).hasMessage("entry.duplicate");
    }

    @Test
    void resourcesAreReadFromTheFormAndBadOnesRefusedWithTheItemNamed() {
        var id = as(() -> responsibilities.assign(new EntryDetails(noise.value(), null, null, city.police().value(),
                Responsibility.LEAD, "8 h/Woche; 2,5 Personen", null, "mit Ressourcen")));
        assertThat(as(() -> responsibilities.currentEntry(id)).resources())
                .extracting(Resource::toString).containsExactly("8 h/Woche", "2,5 Personen");
        assertThatThrownBy(() -> as(() -> responsibilities.assign(new EntryDetails(noise.value(), null, null,
                city.publicOrder().value(), Responsibility.SUPPORT, "viel Personal", null, "ohne Zahl"))))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).arguments()).containsExactly("viel Personal"));
    }

    @Test
    void anotherPartnershipsTopicsAndOrganisationsCannotBeUsed() {
        var other = fixtures.city();
        assertThatThrownBy(() -> CurrentUser.runAs(SipaUser.system(other.id()), () -> responsibilities.topic(noise)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> CurrentUser.runAs(SipaUser.system(other.id()), () -> responsibilities.assign(
                new EntryDetails(noise.value(), null, null, other.police().value(), Responsibility.LEAD, "", null, "x"))))
                .isInstanceOf(RuleViolationException.class).hasMessage("entry.topic.unknown");
        assertThatThrownBy(() -> as(() -> responsibilities.assign(
                entry(other.police().value(), Responsibility.LEAD, "fremde Organisation"))))
                .isInstanceOf(RuleViolationException.class).hasMessage("entry.organisation.unknown");
        assertThatThrownBy(() -> as(() -> responsibilities.assign(new EntryDetails(noise.value(),
                other.districts().get(0).value(), null, city.police().value(), Responsibility.LEAD, "", null, "x"))))
                .isInstanceOf(RuleViolationException.class).hasMessage("entry.district.unknown");
    }

    @Test
    void onlyCoordinatorsChangeTheMatrixButEveryoneReadsIt() {
        var partner = fixtures.user(city.policeUser());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(partner, null, partner.getAuthorities()));
        try {
            assertThat(responsibilities.topics()).extracting(Topic::id).contains(noise);
            assertThatThrownBy(() -> responsibilities.assign(entry(city.police().value(), Responsibility.LEAD, "selbst")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> responsibilities.createTopic(new TopicDetails("Neu", null, null, true)))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private EntryDetails entry(java.util.UUID organisation, Responsibility responsibility, String reason) {
        return new EntryDetails(noise.value(), null, null, organisation, responsibility, "", null, reason);
    }

    private <T> T as(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }

    private void as(Runnable work) {
        CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}
