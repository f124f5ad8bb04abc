package de.sipa.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.shared.PartnershipId;

/**
 * Sent mails carry their recipient and often a reporter's concern: they are deleted {@code sipa.mail.retention}
 * (default 90 days, as the reporters' contact data) after they went out, each night, with one audit entry per
 * partnership saying how many. Mails still waiting are kept until they are sent.
 */
@Component
class MailRetention {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail auditTrail;
    private final Duration retention;

    MailRetention(JdbcClient jdbc, Clock clock, AuditTrail auditTrail,
            @Value("${sipa.mail.retention:P90D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.auditTrail = auditTrail;
        this.retention = retention;
    }

    @Scheduled(cron = "${sipa.mail.retention-cron:0 45 3 * * *}", zone = "${sipa.time-zone:Europe/Berlin}")
    @SchedulerLock(name = "notifications.mail-retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void deleteExpired() {
        deleteSentBefore(clock.instant().minus(retention));
    }

    /** Deletes the mails sent before the cut-off; returns how many. */
    @Transactional
    int deleteSentBefore(Instant cutOff) {
        var deleted = jdbc.sql("""
                WITH gone AS (DELETE FROM notifications_mail WHERE sent_at < ? RETURNING partnership_id)
                SELECT partnership_id, count(*) AS mails FROM gone GROUP BY partnership_id""")
                .param(Timestamp.from(cutOff))
                .query((rs, n) -> new Deleted(new PartnershipId(rs.getObject(1, UUID.class)), rs.getInt(2))).list();
        for (var each : deleted) {
            CurrentUser.runAs(SipaUser.system(each.partnership()), () -> auditTrail.record(each.partnership(),
                    AuditAction.DELETED, "Mail", null, auditTrail.summary("audit.mail.retention", each.mails(),
                            retention.toDays())));
        }
        return deleted.stream().mapToInt(Deleted::mails).sum();
    }

    private record Deleted(PartnershipId partnership, int mails) {
    }
}
