package de.sipa.volunteers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;

/**
 * SiPa's own work on volunteers (DSGVO): a sign-up not confirmed within 48 hours is deleted, every hour; and each
 * night the personal data of the volunteers of offers whose engagement ended longer than
 * {@code sipa.volunteers.retention} ago are cleared, keeping status and hours as anonymous figures. Each run leaves
 * one audit entry per partnership saying how many.
 */
@Component
class VolunteerJobs {

    private final VolunteerRepository volunteers;
    private final VolunteerRetention retention;
    private final AuditTrail auditTrail;
    private final Clock clock;

    VolunteerJobs(VolunteerRepository volunteers, VolunteerRetention retention, AuditTrail auditTrail, Clock clock) {
        this.volunteers = volunteers;
        this.retention = retention;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${sipa.volunteers.unconfirmed-interval:PT1H}")
    @SchedulerLock(name = "volunteers.delete-unconfirmed", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void deleteUnconfirmed() {
        deleteUnconfirmed(clock.instant());
    }

    @Scheduled(cron = "${sipa.volunteers.retention-cron:0 50 3 * * *}", zone = "${sipa.time-zone:Europe/Berlin}")
    @SchedulerLock(name = "volunteers.retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void forgetEndedEngagements() {
        forgetEndedEngagements(LocalDate.now(clock));
    }

    /** Deletes the sign-ups that came in 48 hours or longer before {@code now} unconfirmed; returns how many. */
    @Transactional
    int deleteUnconfirmed(Instant now) {
        var deleted = volunteers.deleteUnconfirmedBefore(now.minus(VolunteerRetention.CONFIRMATION_WINDOW));
        for (var each : deleted) {
            CurrentUser.runAs(SipaUser.system(each.partnership()), () -> auditTrail.record(each.partnership(),
                    AuditAction.DELETED, "Volunteer", null, auditTrail.summary("audit.volunteer.unconfirmedDeleted",
                            each.count(), retention.confirmationHours())));
        }
        return deleted.stream().mapToInt(VolunteerRepository.Count::count).sum();
    }

    /**
     * Clears the personal data of the volunteers whose engagement ended before {@code today} minus the retention
     * period; returns how many volunteers.
     */
    @Transactional
    int forgetEndedEngagements(LocalDate today) {
        var cutOff = today.minusDays(retention.days());
        var cleared = volunteers.anonymiseEndedBefore(cutOff, clock.instant());
        for (var each : cleared) {
            CurrentUser.runAs(SipaUser.system(each.partnership()), () -> auditTrail.record(each.partnership(),
                    AuditAction.DELETED, "Volunteer", null, auditTrail.summary("audit.volunteer.anonymised",
                            each.count(), retention.days())));
        }
        return cleared.stream().mapToInt(VolunteerRepository.Count::count).sum();
    }
}
