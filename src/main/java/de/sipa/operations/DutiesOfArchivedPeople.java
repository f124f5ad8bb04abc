package de.sipa.operations;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.People;
import de.sipa.partners.PersonArchived;

/**
 * A person who left is taken off the patrols still ahead, so their organisation sees the open slots; the patrols
 * they walked keep naming them. Their personal patrol calendar stops answering.
 */
@Component
class DutiesOfArchivedPeople {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final PatrolRepository patrols;
    private final People people;
    private final AuditTrail auditTrail;
    private final ZoneId zone;

    DutiesOfArchivedPeople(PatrolRepository patrols, People people, AuditTrail auditTrail, Clock clock) {
        this.patrols = patrols;
        this.people = people;
        this.auditTrail = auditTrail;
        this.zone = clock.getZone();
    }

    @ApplicationModuleListener
    void on(PersonArchived archived) {
        CurrentUser.runAs(SipaUser.system(archived.partnership()), () -> {
            var name = people.get(archived.person()).fullName();
            for (var patrol : patrols.patrolsOf(archived.partnership(), archived.person(), archived.archivedAt())) {
                if (patrol.startsAt().isAfter(archived.archivedAt())) {
                    patrols.deleteDuty(patrol.id(), archived.person());
                    auditTrail.record(AuditAction.CHANGED, "Patrol", patrol.id(), auditTrail.summary(
                            "audit.patrol.archivedReleased", name, DAY.format(patrol.startsAt().atZone(zone))));
                }
            }
            patrols.forgetFeed(archived.person());
        });
    }
}
