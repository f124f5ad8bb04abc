package de.sipa.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.Accounts;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;
import de.sipa.identity.SipaUser;
import de.sipa.notifications.Notifications;

/**
 * SiPa's own work on reports: overdue reports are escalated to the coordinator, and reporters' contact data are
 * deleted a while after their report was closed (DSGVO).
 */
@Component
class ReportJobs {

    private static final String ACTOR = "system";

    private final ReportRepository reports;
    private final Accounts accounts;
    private final Notifications notifications;
    private final Clock clock;
    private final Duration contactRetention;
    private final ReportMails mails;

    ReportJobs(ReportRepository reports, Accounts accounts, Notifications notifications, Clock clock,
            ContactRetention contactRetention, ReportMails mails) {
        this.reports = reports;
        this.accounts = accounts;
        this.notifications = notifications;
        this.clock = clock;
        this.contactRetention = contactRetention.period();
        this.mails = mails;
    }

    @Scheduled(fixedDelayString = "${sipa.reports.escalation-interval:PT15M}")
    @SchedulerLock(name = "reports.escalation", lockAtMostFor = "PT14M", lockAtLeastFor = "PT30S")
    void escalateOverdue() {
        escalate(clock.instant());
    }

    /** Moves the change lines of the day figures into the figures (V122), so that reading them stays short. */
    @Scheduled(fixedDelayString = "${sipa.reports.figures-fold-interval:PT10S}")
    @SchedulerLock(name = "reports.figures-fold", lockAtMostFor = "PT5M")
    void foldFigures() {
        reports.foldFigures();
    }

    @Scheduled(cron = "${sipa.reports.retention-cron:0 30 3 * * *}", zone = "${sipa.time-zone:Europe/Berlin}")
    @SchedulerLock(name = "reports.contact-retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void deleteExpiredContacts() {
        deleteContacts(clock.instant());
    }

    /** Escalates every open report past its deadline once; returns how many. */
    @Transactional
    int escalate(Instant now) {
        var overdue = reports.overdueNotEscalated(now);
        int escalated = 0;
        for (var report : overdue) {
            if (!reports.escalated(report.id(), now)) {
                continue; // escalated meanwhile by another run
            }
            escalated++;
            var partnership = reports.partnershipOf(report.id());
            reports.event(report.id(), now, ACTOR, ReportEvent.Kind.ESCALATED, report.assignee(), null, false);
            CurrentUser.runAs(SipaUser.system(partnership), () -> {
                for (var email : accounts.emailsOfRole(partnership, Role.COORDINATOR)) {
                    notifications.send(mails.overdue(partnership, email, report.publicId(), report.deadline(),
                            report.id()).once("escalation:" + report.id() + ":" + email));
                }
            });
        }
        return escalated;
    }

    /** Deletes the contact data of reports closed longer than the retention period ago; returns how many. */
    @Transactional
    int deleteContacts(Instant now) {
        var deleted = reports.deleteContactsClosedBefore(now.minus(contactRetention), now);
        deleted.forEach(id -> reports.event(id, now, ACTOR, ReportEvent.Kind.CONTACT_DELETED, null, null, false));
        return deleted.size();
    }
}
