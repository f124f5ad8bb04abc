package de.sipa.prevention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;

/**
 * SiPa's own work on ideas (DSGVO): each night the citizens' contact e-mails of ideas answered longer than
 * {@code sipa.prevention.idea-contact-retention} ago (default 90 days) are cleared, and those of ideas left
 * unanswered for a year. The ideas themselves stay, without a person. One audit entry per partnership says how many.
 */
@Component
class IdeaJobs {

    static final Duration UNANSWERED = Duration.ofDays(365);

    private final IdeaRepository ideas;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final Duration retention;

    IdeaJobs(IdeaRepository ideas, AuditTrail auditTrail, Clock clock,
            @Value("${sipa.prevention.idea-contact-retention:P90D}") Duration retention) {
        this.ideas = ideas;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.retention = retention;
    }

    long retentionDays() {
        return retention.toDays();
    }

    @Scheduled(cron = "${sipa.prevention.idea-retention-cron:0 55 3 * * *}", zone = "${sipa.time-zone:Europe/Berlin}")
    @SchedulerLock(name = "prevention.idea-contacts", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void clearContacts() {
        clearContacts(clock.instant());
    }

    /** Clears the contact e-mails due at {@code now}; returns how many. */
    @Transactional
    int clearContacts(Instant now) {
        var cleared = ideas.clearContactsBefore(now.minus(retention), now.minus(UNANSWERED), now);
        for (var each : cleared) {
            CurrentUser.runAs(SipaUser.system(each.partnership()), () -> auditTrail.record(each.partnership(),
                    AuditAction.DELETED, "ProjectIdea", null, auditTrail.summary("audit.idea.contactsCleared",
                            each.count(), retentionDays())));
        }
        return cleared.stream().mapToInt(IdeaRepository.Count::count).sum();
    }
}
