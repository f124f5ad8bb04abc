package de.sipa.responsibilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import de.sipa.partners.District;
import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/** How the matrix answers "who leads" and what it finds, on small crafted matrices. */
class MatrixTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Topic noise = topic("Lärm in Grünanlagen");
    private final Topic litter = topic("Vermüllung");
    private final District mitte = new District(DistrictId.random(), "Mitte", 1, null);
    private final District nord = new District(DistrictId.random(), "Nord", 2, null);
    private final TimeWindow night = new TimeWindow(TimeWindowId.random(), "Nacht", LocalTime.of(22, 0), LocalTime.of(6, 0));
    private final OrganisationId ordnungsamt = OrganisationId.random();
    private final OrganisationId polizei = OrganisationId.random();
    private final OrganisationId kod = OrganisationId.random();
    private final OrganisationId jugendamt = OrganisationId.random();
    private final List<MatrixEntry> entries = new ArrayList<>();

    @Test
    void aCityWideLeadAnswersEverywhereAndAtAnyTime() {
        entry(noise, null, null, ordnungsamt, Responsibility.LEAD);

        var index = index();
        assertThat(index.whoLeads(noise.id(), mitte.id(), at(14, 0)).lead()).contains(ordnungsamt);
        assertThat(index.whoLeads(noise.id(), nord.id(), at(23, 30)).lead()).contains(ordnungsamt);
        assertThat(index.whoLeads(noise.id(), null, at(3, 0)).lead()).contains(ordnungsamt);
    }

    @Test
    void aDistrictEntryOverridesTheCityWideLeadInItsDistrictOnly() {
        entry(noise, null, null, ordnungsamt, Responsibility.LEAD);
        entry(noise, mitte, null, kod, Responsibility.LEAD);

        var index = index();
        assertThat(index.whoLeads(noise.id(), mitte.id(), at(14, 0)).lead()).contains(kod);
        assertThat(index.whoLeads(noise.id(), nord.id(), at(14, 0)).lead()).contains(ordnungsamt);
        assertThat(findings(FindingKind.OVERLAP)).isEmpty();
    }

    @Test
    void aTimeWindowEntryOverridesTheAllDayLeadDuringTheWindowAcrossMidnight() {
        entry(noise, null, null, ordnungsamt, Responsibility.LEAD);
        entry(noise, null, night, polizei, Responsibility.LEAD);

        var index = index();
        assertThat(index.whoLeads(noise.id(), mitte.id(), at(21, 59)).lead()).contains(ordnungsamt);
        assertThat(index.whoLeads(noise.id(), mitte.id(), at(22, 0)).lead()).contains(polizei);
        assertThat(index.whoLeads(noise.id(), mitte.id(), at(5, 59)).lead()).contains(polizei);
        assertThat(index.whoLeads(noise.id(), mitte.id(), at(6, 0)).lead()).contains(ordnungsamt);
    }

    @Test
    void theDistrictIsMoreSpecificThanTheTimeWindowAndBothTogetherMostSpecific() {
        entry(noise, null, night, polizei, Responsibility.LEAD);
        entry(noise, mitte, null, kod, Responsibility.LEAD);
        entry(noise, nord, night, jugendamt, Responsibility.LEAD);

        var index = index();
        assertThat(index.whoLeads(noise.id(), mitte.id(), at(23, 0)).lead()).contains(kod);
        assertThat(index.whoLeads(noise.id(), nord.id(), at(23, 0)).lead()).contains(jugendamt);
        assertThat(index.whoLeads(noise.id(), nord.id(), at(12, 0)).isGap()).isTrue();
    }

    @Test
    void supportersAndInformedOfAllLevelsAddUpButTheLeadIsNotAlsoItsOwnSupporter() {
        entry(noise, null, null, ordnungsamt, Responsibility.LEAD);
        entry(noise, null, null, polizei, Responsibility.SUPPORT);
        entry(noise, mitte, null, kod, Responsibility.SUPPORT);
        entry(noise, mitte, null, ordnungsamt, Responsibility.SUPPORT);
        entry(noise, null, night, jugendamt, Responsibility.INFORMED);

        var answer = index().whoLeads(noise.id(), mitte.id(), at(23, 0));
        assertThat(answer.lead()).contains(ordnungsamt);
        assertThat(answer.supporters()).containsExactlyInAnyOrder(polizei, kod);
        assertThat(answer.informed()).containsExactly(jugendamt);
    }

    @Test
    void withoutALeadOrWithTwoTheConcernGoesToTheCoordinator() {
        entry(noise, null, null, ordnungsamt, Responsibility.LEAD);
        entry(noise, null, null, polizei, Responsibility.LEAD);
        entry(litter, null, null, kod, Responsibility.SUPPORT);

        var index = index();
        var contested = index.whoLeads(noise.id(), mitte.id(), at(12, 0));
        assertThat(contested.isOverlap()).isTrue();
        assertThat(contested.goesToCoordinator()).isTrue();
        assertThat(contested.lead()).isEmpty();
        assertThat(index.whoLeads(litter.id(), mitte.id(), at(12, 0)).goesToCoordinator()).isTrue();
        assertThat(index.whoLeads(TopicId.random(), mitte.id(), at(12, 0)).goesToCoordinator()).isTrue();
    }

    @Test
    void gapsAreFoundPerDistrictAndTimeOfDay() {
        entry(noise, null, null, ordnungsamt, Responsibility.LEAD);
        entry(litter, mitte, null, kod, Responsibility.LEAD);
        entry(litter, nord, night, polizei, Responsibility.LEAD);

        var gaps = findings(FindingKind.GAP);
        assertThat(gaps).allMatch(f -> f.topic().equals(litter.id()));
        assertThat(gaps).singleElement().satisfies(gap -> {
            assertThat(gap.districts()).containsExactly(nord.id());
            assertThat(gap.everywhere()).isFalse();
            assertThat(gap.timeWindows()).isEmpty();
        });
    }

    @Test
    void aTopicNobodyLeadsIsAGapEverywhere() {
        entry(litter, null, null, kod, Responsibility.INFORMED);
        entry(noise, null, null, ordnungsamt, Responsibility.LEAD);

        assertThat(findings(FindingKind.GAP)).filteredOn(f -> f.topic().equals(litter.id()))
                .allSatisfy(gap -> assertThat(gap.everywhere()).isTrue()).hasSize(2);
    }

    @Test
    void overlapsNameTheCompetingLeadsAndWhereTheyCompete() {
        entry(noise, null, null, ordnungsamt, Responsibility.LEAD);
        entry(noise, mitte, night, polizei, Responsibility.LEAD);
        entry(noise, mitte, night, kod, Responsibility.LEAD);
        entry(litter, null, null, kod, Responsibility.LEAD);

        assertThat(findings(FindingKind.OVERLAP)).singleElement().satisfies(overlap -> {
            assertThat(overlap.topic()).isEqualTo(noise.id());
            assertThat(overlap.organisations()).containsExactlyInAnyOrder(polizei, kod);
            assertThat(overlap.districts()).containsExactly(mitte.id());
            assertThat(overlap.timeWindows()).containsExactly(night.id());
        });
    }

    @Test
    void orphanedEntriesAndLeadsWithoutResourcesAreFound() {
        var orphan = entry(noise, null, null, ordnungsamt, Responsibility.SUPPORT);
        var bare = entry(litter, null, null, kod, Responsibility.LEAD);
        entries.add(new MatrixEntry(EntryId.random(), noise.id(), null, null, polizei, Responsibility.LEAD,
                List.of(new Resource(java.math.BigDecimal.TEN, "h/Woche")), null));

        var findings = MatrixFindings.of(index(), Set.of(ordnungsamt));
        assertThat(findings).filteredOn(f -> f.kind() == FindingKind.ORPHANED).extracting(Finding::entry)
                .containsExactly(orphan.id());
        assertThat(findings).filteredOn(f -> f.kind() == FindingKind.LEAD_WITHOUT_RESOURCES).extracting(Finding::entry)
                .containsExactly(bare.id());
    }

    @Test
    void inactiveTopicsAreNeitherRoutedNorChecked() {
        var retired = new Topic(TopicId.random(), "Alte Aufgabe", null, null, false);
        var matrix = new Matrix(Instant.now(), List.of(retired), List.of(mitte), List.of(), List.of());

        var index = new MatrixIndex(matrix, BERLIN);
        assertThat(index.whoLeads(retired.id(), mitte.id(), at(12, 0)).goesToCoordinator()).isTrue();
        assertThat(MatrixFindings.of(index, Set.of())).isEmpty();
    }

    @Test
    void theTimeOfDayIsReadInTheCitysZoneAlsoInSummer() {
        entry(noise, null, null, ordnungsamt, Responsibility.LEAD);
        entry(noise, null, night, polizei, Responsibility.LEAD);

        var index = index();
        var summerNight = ZonedDateTime.of(2026, 7, 1, 22, 30, 0, 0, BERLIN).toInstant();
        var winterNight = ZonedDateTime.of(2026, 1, 15, 22, 30, 0, 0, BERLIN).toInstant();
        var summerEvening = ZonedDateTime.of(2026, 7, 1, 21, 30, 0, 0, BERLIN).toInstant();
        assertThat(index.whoLeads(noise.id(), mitte.id(), summerNight).lead()).contains(polizei);
        assertThat(index.whoLeads(noise.id(), mitte.id(), winterNight).lead()).contains(polizei);
        assertThat(index.whoLeads(noise.id(), mitte.id(), summerEvening).lead()).contains(ordnungsamt);
    }

    private MatrixEntry entry(Topic topic, District district, TimeWindow window, OrganisationId organisation,
            Responsibility responsibility) {
        var entry = new MatrixEntry(EntryId.random(), topic.id(), district == null ? null : district.id(),
                window == null ? null : window.id(), organisation, responsibility, List.of(), null);
        entries.add(entry);
        return entry;
    }

    private MatrixIndex index() {
        return new MatrixIndex(new Matrix(Instant.now(), List.of(noise, litter), List.of(mitte, nord), List.of(night),
                entries), BERLIN);
    }

    private List<Finding> findings(FindingKind kind) {
        return MatrixFindings.of(index(), Set.of()).stream().filter(f -> f.kind() == kind).toList();
    }

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(2026, 3, 10, hour, minute, 0, 0, BERLIN).toInstant();
    }

    private static Topic topic(String name) {
        return new Topic(TopicId.random(), name, null, null, true);
    }
}
