package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.notifications.Notifications;
import de.sipa.notifications.OutboxEntry;

/** Escalation of overdue reports and deletion of contact data, with the time under the test's control. */
@SipaIntegrationTest
class ReportJobsTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    @Autowired
    ReportJobs jobs;

    @Autowired
    Notifications notifications;

    City city;
    CategoryId other;

    @BeforeEach
    void city() {
        city = fixtures.city();
        other = as(() -> categories.create(new Category(CategoryId.random(), "sonstiges", "Sonstiges", null, null, 3,
                false, null, true, List.of())));
    }

    @Test
    void anOverdueReportIsEscalatedToTheCoordinatorOnce() {
        var receipt = submit(null);
        var report = as(() -> reports.get(receipt.report()));

        jobs.escalate(report.deadline().minusSeconds(60));
        assertThat(escalations()).isEmpty();

        jobs.escalate(report.deadline().plusSeconds(60));
        jobs.escalate(report.deadline().plus(Duration.ofHours(2)));
        assertThat(escalations()).singleElement().satisfies(mail -> {
            assertThat(mail.recipient()).isEqualTo("koord-" + city.key() + "@stadt.example");
            assertThat(mail.body()).contains(receipt.publicId());
        });
        assertThat(as(() -> reports.history(receipt.report()))).extracting(ReportEvent::kind)
                .containsOnlyOnce(ReportEvent.Kind.ESCALATED);
        assertThat(as(() -> reports.get(receipt.report())).escalatedAt()).isNotNull();
    }

    @Test
    void contactDataAreDeletedNinetyDaysAfterTheReportWasClosedAndNotBefore() {
        var closed = submit(new Contact("Erika", "erika@example.org", "0170"));
        var open = submit(new Contact("Max", "max@example.org", null));
        as(() -> reports.close(closed.report(), ReportStatus.DONE, null));
        var closedAt = as(() -> reports.get(closed.report())).closedAt();

        jobs.deleteContacts(closedAt.plus(Duration.ofDays(89)));
        assertThat(as(() -> reports.get(closed.report())).contact().email()).isEqualTo("erika@example.org");

        jobs.deleteContacts(closedAt.plus(Duration.ofDays(91)));
        assertThat(as(() -> reports.get(closed.report())).contact().isEmpty()).isTrue();
        assertThat(as(() -> reports.get(open.report())).contact().email()).isEqualTo("max@example.org");
        assertThat(as(() -> reports.history(closed.report()))).extracting(ReportEvent::kind)
                .contains(ReportEvent.Kind.CONTACT_DELETED);
    }

    private Receipt submit(Contact contact) {
        return reports.submit(new NewReport(city.id(), other, "Autorennen", 48.7, 9.1, null, null, Map.of(), contact,
                ReportSource.CITIZEN));
    }

    private List<OutboxEntry> escalations() {
        return as(() -> notifications.outbox(PageRequest.of(0, 50)).getContent()).stream()
                .filter(m -> m.subject().startsWith("Frist überschritten")).toList();
    }

    private <T> T as(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }

    private void as(Runnable work) {
        CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}
