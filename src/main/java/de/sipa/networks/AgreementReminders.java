package de.sipa.networks;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.Accounts;
import de.sipa.identity.Role;
import de.sipa.notifications.Mail;
import de.sipa.notifications.Notifications;

/**
 * Before an agreement's review date, its partnership's coordinators get a reminder, once per review date (the outbox's
 * dedup key makes a second run quiet). Runs on one node (ShedLock) and reads across partnerships, as jobs do.
 */
@Component
class AgreementReminders {

    static final int DAYS_BEFORE = 30;

    private final PartnershipAgreements agreements;
    private final Accounts accounts;
    private final Notifications notifications;
    private final MessageSource messages;

    AgreementReminders(PartnershipAgreements agreements, Accounts accounts, Notifications notifications,
            MessageSource messages) {
        this.agreements = agreements;
        this.accounts = accounts;
        this.notifications = notifications;
        this.messages = messages;
    }

    @Scheduled(cron = "${sipa.networks.agreement-reminder-cron:0 0 7 * * *}", zone = "${sipa.time-zone:Europe/Berlin}")
    @SchedulerLock(name = "networks.agreement-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    @Transactional
    public void remind() {
        for (var due : agreements.dueForReview(DAYS_BEFORE)) {
            var date = due.reviewOn().format(DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMAN));
            var subject = messages.getMessage("agreement.reminder.subject", new Object[] {due.title()}, Locale.GERMAN);
            var body = messages.getMessage("agreement.reminder.body", new Object[] {due.title(), date}, Locale.GERMAN);
            for (var address : accounts.emailsOfRole(due.partnership(), Role.COORDINATOR)) {
                notifications.send(new Mail(due.partnership(), address, subject, body, null,
                        "agreement-review:" + due.partnership() + ":" + due.reviewOn() + ":" + address));
            }
        }
    }
}
