package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.notifications.Notifications;
import de.sipa.notifications.OutboxEntry;
import de.sipa.partners.Partnerships;
import de.sipa.responsibilities.EntryDetails;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.responsibilities.TimeWindowDetails;
import de.sipa.responsibilities.TopicDetails;
import de.sipa.responsibilities.TopicId;
import de.sipa.shared.FederalState;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.PublicHolidays;
import de.sipa.shared.RuleViolationException;

/** Routing of concerns by the matrix, the work on them, and what citizens see. */
@SipaIntegrationTest
class ReportsTests {

    private static final String SQUARE_MITTE =
            "{\"type\":\"Polygon\",\"coordinates\":[[[9.16,48.765],[9.2,48.765],[9.2,48.785],[9.16,48.785],[9.16,48.765]]]}";
    private static final String SQUARE_NORD =
            "{\"type\":\"Polygon\",\"coordinates\":[[[9.16,48.785],[9.2,48.785],[9.2,48.805],[9.16,48.805],[9.16,48.785]]]}";

    @Autowired
    Fixtures fixtures;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Notifications notifications;

    @Autowired
    CategorySuggestions suggestions;

    @Autowired
    JdbcClient jdbc;

    City city;
    TopicId noise;
    CategoryId noiseCategory;
    CategoryId otherCategory;

    @BeforeEach
    void city() {
        city = fixtures.city();
        as(() -> {
            partnerships.drawBoundary(city.districts().get(0), SQUARE_MITTE);
            partnerships.drawBoundary(city.districts().get(1), SQUARE_NORD);
            noise = responsibilities.createTopic(new TopicDetails("Lärm", null, null, true));
            var night = responsibilities.createTimeWindow(new TimeWindowDetails("Nacht", LocalTime.of(22, 0), LocalTime.of(6, 0)));
            responsibilities.assign(new EntryDetails(noise.value(), null, null, city.publicOrder().value(),
                    Responsibility.LEAD, "1 Person", null, "tags"));
            responsibilities.assign(new EntryDetails(noise.value(), null, night.value(), city.police().value(),
                    Responsibility.LEAD, "1 Streife", null, "nachts"));
            responsibilities.assign(new EntryDetails(noise.value(), city.districts().get(1).value(), null,
                    city.police().value(), Responsibility.LEAD, "1 Streife", null, "Nord: Polizei"));
            noiseCategory = categories.create(new Category(CategoryId.random(), "laerm", "Lärm", null, noise, 3, false,
                    null, true, List.of(new CategoryAttribute("anzahl", AttributeType.NUMBER, true, "Anzahl Personen",
                            List.of()))));
            otherCategory = categories.create(new Category(CategoryId.random(), "sonstiges", "Sonstiges", null, null, 3,
                    false, null, true, List.of(), true));
            return null;
        });
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aReportGoesToTheLeadOfItsTopicInItsDistrictAtThatTime() {
        var receipt = submit(noiseCategory, 48.775, 9.18, Map.of("anzahl", "5"));
        var report = as(() -> reports.get(receipt.report()));
        var night = java.time.LocalTime.now(ZoneId.of("Europe/Berlin"));
        var expected = night.isBefore(LocalTime.of(6, 0)) || !night.isBefore(LocalTime.of(22, 0)) ? city.police()
                : city.publicOrder();
        assertThat(report.district()).isEqualTo(city.districts().get(0));
        assertThat(report.assignee()).isEqualTo(expected);
        assertThat(report.status()).isEqualTo(ReportStatus.NEW);
        assertThat(receipt.publicId()).matches("\\d{4}-\\d{6}");

        var north = as(() -> reports.get(submit(noiseCategory, 48.795, 9.18, Map.of("anzahl", "2")).report()));
        assertThat(north.district()).isEqualTo(city.districts().get(1));
        assertThat(north.assignee()).isEqualTo(city.police());
    }

    @Test
    void theHistoryOfAnArrivalNamesTheRouteAndTheToldOrganisationsInOrderAndTheirStaffAreMailed() {
        as(() -> responsibilities.assign(new EntryDetails(noise.value(), city.districts().get(1).value(), null,
                city.publicOrder().value(), Responsibility.SUPPORT, null, null, "Nord: Ordnungsamt unterstützt")));

        var receipt = submit(noiseCategory, 48.795, 9.18, Map.of("anzahl", "3"));

        assertThat(as(() -> reports.history(receipt.report())))
                .extracting(ReportEvent::kind, ReportEvent::organisation, ReportEvent::visibleToPublic)
                .containsExactly(tuple(ReportEvent.Kind.RECEIVED, null, true),
                        tuple(ReportEvent.Kind.ROUTED, city.police(), true),
                        tuple(ReportEvent.Kind.NOTIFIED, city.publicOrder(), false));
        assertThat(as(() -> notifications.outbox(PageRequest.of(0, 200)).getContent()).stream()
                .filter(mail -> mail.subject().contains(receipt.publicId())).map(OutboxEntry::recipient))
                .containsExactlyInAnyOrder("polizei-" + city.key() + "@stadt.example",
                        "ordnung-" + city.key() + "@stadt.example");
    }

    @Test
    void withoutALeadTheReportGoesToTheCoordinatorWithADeadlineInWorkingDays() {
        var report = as(() -> reports.get(submit(otherCategory, 48.775, 9.18, Map.of()).report()));
        assertThat(report.assignee()).isNull();
        assertThat(report.deadline()).isEqualTo(WorkingDays.add(report.submittedAt(), 3, ZoneId.of("Europe/Berlin"),
                PublicHolidays.of(FederalState.BW)));
        assertThat(as(() -> reports.queue(ReportQuery.coordinator(), PageRequest.of(0, 50))).getContent())
                .extracting(Report::id).contains(report.id());
    }

    @Test
    void aPointNearABoundaryIsMarkedForTheCoordinatorToConfirm() {
        var report = as(() -> reports.get(submit(noiseCategory, 48.7851, 9.18, Map.of("anzahl", "1")).report()));
        assertThat(report.districtUncertain()).isTrue();
        as(() -> reports.confirmDistrict(report.id(), city.districts().get(1)));
        var confirmed = as(() -> reports.get(report.id()));
        assertThat(confirmed.districtUncertain()).isFalse();
        assertThat(confirmed.district()).isEqualTo(city.districts().get(1));
        assertThat(confirmed.assignee()).isEqualTo(city.police());
    }

    @Test
    void nearABoundaryTheReportersChoiceOfTheNeighbouringDistrictCounts() {
        var chosen = as(() -> reports.get(reports.submit(new NewReport(city.id(), noiseCategory, "an der Grenze", 48.7851,
                9.18, null, city.districts().get(0), Map.of("anzahl", "1"), null, ReportSource.CITIZEN)).report()));
        assertThat(chosen.district()).isEqualTo(city.districts().get(0));
        assertThat(chosen.districtUncertain()).isFalse();

        var farFromBoundary = as(() -> reports.get(reports.submit(new NewReport(city.id(), noiseCategory, "mitten in Nord",
                48.795, 9.18, null, city.districts().get(0), Map.of("anzahl", "1"), null, ReportSource.CITIZEN)).report()));
        assertThat(farFromBoundary.district()).as("a point clearly inside one district wins").isEqualTo(city.districts().get(1));
    }

    @Test
    void badInputIsRefusedAsAWholeAndNothingIsStored() {
        var before = as(() -> reports.queue(new ReportQuery(null, false, null, null, null, false, true, null),
                PageRequest.of(0, 1)).getTotalElements());
        assertRefused("report.attribute.required", () -> submit(noiseCategory, 48.775, 9.18, Map.of()));
        assertRefused("report.attribute.invalid", () -> submit(noiseCategory, 48.775, 9.18, Map.of("anzahl", "viele")));
        assertRefused("report.location.invalid", () -> submit(noiseCategory, 91.0, 9.18, Map.of("anzahl", "1")));
        assertRefused("report.location.outsideArea", () -> submit(noiseCategory, 0.0, 0.0, Map.of("anzahl", "1")));
        assertRefused("report.location.outsideArea", () -> submit(noiseCategory, 48.7, 9.1, Map.of("anzahl", "1")));
        assertRefused("report.address.tooLong", () -> reports.submit(new NewReport(city.id(), otherCategory, "x",
                null, null, "a".repeat(301), null, Map.of(), null, ReportSource.CITIZEN)));
        assertRefused("report.location.required", () -> reports.submit(new NewReport(city.id(), otherCategory, "x",
                null, null, " ", null, Map.of(), null, ReportSource.CITIZEN)));
        assertRefused("report.category.unknown", () -> reports.submit(new NewReport(city.id(), CategoryId.random(), "x",
                48.7, 9.1, null, null, Map.of(), null, ReportSource.CITIZEN)));
        assertRefused("report.description.required", () -> reports.submit(new NewReport(city.id(), otherCategory, "  ",
                48.7, 9.1, null, null, Map.of(), null, ReportSource.CITIZEN)));
        assertRefused("report.contact.emailInvalid", () -> reports.submit(new NewReport(city.id(), otherCategory, "x",
                48.7, 9.1, null, null, Map.of(), new Contact(null, "keine-mail", null), ReportSource.CITIZEN)));
        var other = fixtures.city();
        assertRefused("report.category.unknown", () -> reports.submit(new NewReport(other.id(), otherCategory, "x",
                48.7, 9.1, null, null, Map.of(), null, ReportSource.CITIZEN)));
        assertThat(as(() -> reports.queue(new ReportQuery(null, false, null, null, null, false, true, null),
                PageRequest.of(0, 1)).getTotalElements())).isEqualTo(before);
    }

    @Test
    void theResponsiblePartnerWorksOnTheReportAndHandsItBackWithAFlagForTheReview() {
        var receipt = submit(noiseCategory, 48.795, 9.18, Map.of("anzahl", "3"));
        login(city.publicOrderUser());
        assertThatThrownBy(() -> reports.get(receipt.report())).isInstanceOf(NotFoundException.class);

        login(city.policeUser());
        assertThat(reports.get(receipt.report()).contact().isEmpty()).isTrue();
        reports.startWork(receipt.report());
        assertThatThrownBy(() -> reports.handBack(receipt.report(), " ")).hasMessage("report.handBack.reasonRequired");
        reports.handBack(receipt.report(), "Ruhestörung tagsüber ist Ordnungsrecht");
        assertThat(reports.get(receipt.report()).assignee()).isNull();

        var flags = as(() -> responsibilities.flags());
        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.topic()).isEqualTo(noise);
            assertThat(flag.district()).isEqualTo(city.districts().get(1));
            assertThat(flag.organisation()).isEqualTo(city.police());
            assertThat(flag.source()).isEqualTo("Anliegen " + receipt.publicId());
        });
    }

    @Test
    void rejectingNeedsAPublicNoteAndTheCitizenSeesStatusAndNoteButNoContactOrInternalNotes() {
        var receipt = reports.submit(new NewReport(city.id(), otherCategory, "Autorennen nachts", 48.775, 9.18, null,
                null, Map.of(), new Contact("Erika Muster", "erika@example.org", "0170 1"), ReportSource.CITIZEN));
        login(city.coordinator());
        assertThat(reports.get(receipt.report()).contact().email()).isEqualTo("erika@example.org");
        reports.comment(receipt.report(), "Halter ist bekannt, Akte 17");
        assertThatThrownBy(() -> reports.close(receipt.report(), ReportStatus.REJECTED, ""))
                .hasMessage("report.publicNote.required");
        reports.close(receipt.report(), ReportStatus.REJECTED, "Bitte wenden Sie sich an die Verkehrsbehörde.");
        SecurityContextHolder.clearContext();

        var view = reports.publicViewByToken(receipt.token()).orElseThrow();
        assertThat(view.status()).isEqualTo(ReportStatus.REJECTED);
        assertThat(view.publicNote()).isEqualTo("Bitte wenden Sie sich an die Verkehrsbehörde.");
        assertThat(view.latitude()).isEqualTo(48.775);
        assertThat(view.toString()).doesNotContain("Erika", "erika@example.org", "0170", "Akte 17");
        assertThat(view.description()).as("the reporter sees their own text").isEqualTo("Autorennen nachts");
        var forEveryone = reports.publicView(city.id(), receipt.publicId()).orElseThrow();
        assertThat(forEveryone.description()).as("not yet approved for the public").isNull();
        assertThat(forEveryone.publicNote()).isEqualTo(view.publicNote());

        login(city.coordinator());
        assertThat(reports.pendingText(PageRequest.of(0, 100))).extracting(Report::id).contains(receipt.report());
        reports.moderateText(receipt.report(), true);
        assertThat(reports.pendingText(PageRequest.of(0, 100))).extracting(Report::id).doesNotContain(receipt.report());
        assertThat(reports.publicView(city.id(), receipt.publicId()).orElseThrow().description())
                .isEqualTo("Autorennen nachts");
    }

    @Test
    void aDescriptionIsNeededOnlyWhereTheCategoryAsksForItAndControlCharactersAreDropped() {
        var noText = as(() -> reports.get(submit(noiseCategory, 48.775, 9.18, Map.of("anzahl", "1"), " ").report()));
        assertThat(noText.description()).isEmpty();
        assertRefused("report.description.required", () -> submit(otherCategory, 48.775, 9.18, Map.of(), ""));
        var cleaned = as(() -> reports.get(submit(otherCategory, 48.775, 9.18, Map.of(), "Raser\u0000\u0007 nachts")
                .report()));
        assertThat(cleaned.description()).isEqualTo("Raser nachts");
    }

    @Test
    void aModeratedCategoryGetsItsNumberAtOnceAndItsRouteOnlyAfterApproval() {
        var graffiti = as(() -> categories.create(new Category(CategoryId.random(), "graffiti", "Graffiti", null, noise,
                10, true, null, true, List.of())));
        var receipt = reports.submit(new NewReport(city.id(), graffiti, "Beleidigende Schmiererei", 48.775, 9.18, null,
                null, Map.of(), null, ReportSource.OPEN311));
        assertThat(receipt.publicId()).matches("\\d{4}-\\d{6}");
        assertThat(as(() -> reports.get(receipt.report())).status()).isEqualTo(ReportStatus.MODERATION);
        assertThat(as(() -> reports.get(receipt.report())).assignee()).isNull();

        login(city.coordinator());
        var publicId = reports.approve(receipt.report());
        var approved = reports.get(receipt.report());
        assertThat(publicId).isEqualTo(receipt.publicId());
        assertThat(approved.publicId()).isEqualTo(publicId);
        assertThat(approved.status()).isEqualTo(ReportStatus.NEW);
        assertThat(approved.assignee()).isNotNull();
    }

    @Test
    void nearbyOpenReportsOfTheSameCategoryAreOfferedAsDuplicatesAndMergingInformsBothReporters() {
        var first = reports.submit(new NewReport(city.id(), otherCategory, "Autorennen am Sportplatz", 48.7700, 9.1800,
                null, null, Map.of(), new Contact(null, "erste@example.org", null), ReportSource.CITIZEN));
        var second = reports.submit(new NewReport(city.id(), otherCategory, "Raser nachts", 48.7703, 9.1802, null, null,
                Map.of(), new Contact(null, "zweite@example.org", null), ReportSource.CITIZEN));
        var far = reports.submit(new NewReport(city.id(), otherCategory, "Raser woanders", 48.7720, 9.1800, null, null,
                Map.of(), null, ReportSource.CITIZEN));
        var otherKind = submit(noiseCategory, 48.7701, 9.1801, Map.of("anzahl", "2"));
        // three weeks old: the others came more than two weeks after it, so it repeats none of them, but they it
        var older = reports.submit(new NewReport(city.id(), otherCategory, "Raser, schon länger", 48.7702, 9.1801,
                null, null, Map.of(), null, ReportSource.CITIZEN));
        jdbc.sql("UPDATE reports_report SET submitted_at = submitted_at - interval '21 days' WHERE id = ?")
                .param(older.report().value()).update();

        assertThat(reports.nearbyOpen(city.id(), otherCategory, 48.7701, 9.1801)).extracting(PublicReport::publicId)
                .containsExactlyInAnyOrder(first.publicId(), second.publicId())
                .doesNotContain(far.publicId(), otherKind.publicId());

        login(city.coordinator());
        assertThat(reports.possibleDuplicates(second.report())).extracting(Report::id).containsExactly(first.report());
        var page = List.of(first.report(), second.report(), far.report(), otherKind.report(), older.report());
        assertThat(reports.withPossibleDuplicates(page.stream().map(reports::get).toList()))
                .as("the queue's badge").containsExactlyInAnyOrderElementsOf(page.stream()
                        .filter(id -> !reports.possibleDuplicates(id).isEmpty()).toList())
                .containsExactlyInAnyOrder(first.report(), second.report(), older.report());
        reports.merge(second.report(), first.report());
        assertThat(reports.withPossibleDuplicates(page.stream().map(reports::get).toList()))
                .as("a merged duplicate is closed").containsExactly(older.report());
        assertThat(reports.get(second.report()).status()).isEqualTo(ReportStatus.FORWARDED);
        assertThat(reports.get(second.report()).publicNote()).isEqualTo("Zusammengeführt mit Anliegen " + first.publicId());
        reports.close(first.report(), ReportStatus.DONE, "Kontrollen verstärkt");

        var mails = as(() -> notifications.outbox(PageRequest.of(0, 20)).getContent());
        assertThat(mails).filteredOn(m -> m.subject().contains("ist abgeschlossen")).extracting(OutboxEntry::recipient)
                .containsExactlyInAnyOrder("erste@example.org", "zweite@example.org");
    }

    @Test
    void theCategorySuggestionLearnsFromRoutedReportsAndNeverSuggestsCategoriesWithoutTopic() {
        var litterTopic = as(() -> responsibilities.createTopic(new TopicDetails("Müll", null, null, true)));
        var litter = as(() -> categories.create(new Category(CategoryId.random(), "muell", "Vermüllung", null,
                litterTopic, 5, false, "abfall", true, List.of())));
        for (var text : List.of("Scherben und Müll am Spielplatz", "Sperrmüll abgeladen", "Müll überall im Park")) {
            reports.submit(new NewReport(city.id(), litter, text, 48.775, 9.18, null, null, Map.of(), null,
                    ReportSource.CITIZEN));
        }
        for (var text : List.of("Laute Musik am Pavillon", "Gegröle und Musik nachts", "Party mit Musik im Park")) {
            submit(noiseCategory, 48.775, 9.18, Map.of("anzahl", "3"), text);
        }
        assertThat(suggestions.suggest(city.id(), "Wieder laute Musik und Gegröle", 2)).first()
                .extracting(s -> s.category().id()).isEqualTo(noiseCategory);
        assertThat(suggestions.suggest(city.id(), "Überall Scherben und Müll", 2)).first()
                .extracting(s -> s.category().id()).isEqualTo(litter);
        assertThat(suggestions.suggest(city.id(), "Autorennen", 5)).extracting(s -> s.category().id())
                .doesNotContain(otherCategory);
        assertThat(suggestions.suggest(city.id(), " ", 5)).isEmpty();
    }

    private Receipt submit(CategoryId category, double latitude, double longitude, Map<String, String> attributes,
            String description) {
        return reports.submit(new NewReport(city.id(), category, description, latitude, longitude, null, null,
                attributes, null, ReportSource.CITIZEN));
    }

    private Receipt submit(CategoryId category, double latitude, double longitude, Map<String, String> attributes) {
        return reports.submit(new NewReport(city.id(), category, "Laute Musik", latitude, longitude, null, null,
                attributes, null, ReportSource.CITIZEN));
    }

    private static void assertRefused(String key, Runnable submission) {
        assertThatThrownBy(submission::run).isInstanceOf(RuleViolationException.class).hasMessage(key);
    }

    private void login(String username) {
        var user = fixtures.user(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private <T> T as(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }

    private void as(Runnable work) {
        CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}
