package de.sipa.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.Accounts;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.notifications.MailTexts;
import de.sipa.notifications.Notifications;
import de.sipa.shared.BaseUrl;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

/**
 * Reminds each organisation of the patrols in the coming days where its own slots are still open, so that the
 * rosters are filled before the date rather than on the evening. Organisations whose slots are all filled hear
 * nothing.
 */
@Component
class PatrolReminders {

    private final PatrolRepository repository;
    private final Patrols patrols;
    private final Accounts accounts;
    private final Notifications notifications;
    private final MailTexts mailTexts;
    private final Clock clock;
    private final Duration lookahead;
    private final String baseUrl;

    PatrolReminders(PatrolRepository repository, Patrols patrols, Accounts accounts, Notifications notifications, MailTexts mailTexts,
            Clock clock, @Value("${sipa.patrols.open-slot-lookahead:P14D}") Duration lookahead,
            BaseUrl baseUrl) {
        this.repository = repository;
        this.patrols = patrols;
        this.accounts = accounts;
        this.notifications = notifications;
        this.mailTexts = mailTexts;
        this.clock = clock;
        this.lookahead = lookahead;
        this.baseUrl = baseUrl.value();
    }

    /** Weekly, Monday morning (configurable). */
    @Scheduled(cron = "${sipa.patrols.open-slot-reminder-cron:0 0 7 * * MON}", zone = "${sipa.time-zone:Europe/Berlin}")
    @SchedulerLock(name = "operations.open-slot-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void remindWeekly() {
        remindOpenSlots(clock.instant());
    }

    /** Mails every organisation its open slots on patrols starting within the lookahead; returns the mails queued. */
    @Transactional
    int remindOpenSlots(Instant now) {
        var until = now.plus(lookahead);
        int queued = 0;
        for (var partnership : repository.partnershipsWithPatrols(now, until)) {
            queued += CurrentUser.runAs(SipaUser.system(partnership), () -> remind(partnership, now, until));
        }
        return queued;
    }

    private int remind(PartnershipId partnership, Instant now, Instant until) {
        var open = new LinkedHashMap<OrganisationId, List<String>>();
        var names = new LinkedHashMap<OrganisationId, String>();
        for (var entry : patrols.roster(now, until, null)) {
            if (entry.patrol().cancelled()) {
                continue;
            }
            for (var crew : entry.crews()) {
                if (crew.missing() > 0) {
                    names.put(crew.organisation(), crew.name());
                    open.computeIfAbsent(crew.organisation(), o -> new ArrayList<>()).add(
                            mailTexts.text("mail.patrol.openSlots.line",
                                    patrols.describe(entry.patrol(), Map.of(entry.patrol().plan(), entry.plan())),
                                    crew.missing(), crew.required(), baseUrl + "/patrols/" + entry.patrol().id()));
                }
            }
        }
        var day = LocalDate.ofInstant(now, clock.getZone());
        int queued = 0;
        for (var organisation : open.entrySet()) {
            var lines = organisation.getValue();
            for (var email : accounts.emailsOf(partnership, organisation.getKey())) {
                if (notifications.send(mailTexts.mail(partnership, email, "mail.patrol.openSlots", lines.size(),
                                lookahead.toDays(), names.get(organisation.getKey()), String.join("\n- ", lines))
                        .once("patrol-slots:" + organisation.getKey() + ":" + email + ":" + day))) {
                    queued++;
                }
            }
        }
        return queued;
    }
}
