package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

    @Autowired
    JdbcClient jdbc;

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

    @Test
    void theEscalationJobStartedByTwoInstancesAtOnceRunsOnceAndHoldsItsLockForAWhile() throws Exception {
        var first = submit(null);
        overdue(first);
        releaseEscalationLock();

        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var runs = List.of(pool.submit(() -> {
                start.await();
                jobs.escalateOverdue();
                return null;
            }), pool.submit(() -> {
                start.await();
                jobs.escalateOverdue();
                return null;
            }));
            start.countDown();
            for (var run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(escalations()).filteredOn(m -> m.body().contains(first.publicId())).hasSize(1);
        assertThat(as(() -> reports.history(first.report()))).extracting(ReportEvent::kind)
                .containsOnlyOnce(ReportEvent.Kind.ESCALATED);

        // Another instance starting the job right afterwards skips it: the lock is held at least 30 s.
        var second = submit(null);
        overdue(second);
        jobs.escalateOverdue();
        assertThat(as(() -> reports.get(second.report())).escalatedAt()).isNull();
        releaseEscalationLock();
        jobs.escalateOverdue();
        assertThat(as(() -> reports.get(second.report())).escalatedAt()).isNotNull();
    }

    @Test
    void twoEscalationRunsAtOnceEscalateAReportOnlyOnce() throws Exception {
        var receipt = submit(null);
        var report = as(() -> reports.get(receipt.report()));
        var at = report.deadline().plusSeconds(60);
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var runs = List.of(pool.submit(() -> {
                start.await();
                return jobs.escalate(at);
            }), pool.submit(() -> {
                start.await();
                return jobs.escalate(at);
            }));
            start.countDown();
            for (var run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(as(() -> reports.history(receipt.report()))).extracting(ReportEvent::kind)
                .containsOnlyOnce(ReportEvent.Kind.ESCALATED);
        assertThat(escalations()).filteredOn(m -> m.body().contains(receipt.publicId())).hasSize(1);
    }

    /** As if the lock of the last run had expired (the run at start-up took it). */
    private void releaseEscalationLock() {
        jdbc.sql("UPDATE database_shedlock SET lock_until = timezone('utc', now()) - interval '1 second' "
                + "WHERE name = 'reports.escalation'").update();
    }

    private void overdue(Receipt receipt) {
        jdbc.sql("UPDATE reports_report SET deadline = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), receipt.report().value()).update();
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
