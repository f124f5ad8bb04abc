package de.sipa.meetings;

import java.io.OutputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Bodies;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.partners.Person;
import de.sipa.partners.PersonId;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.PartnershipId;

/** The documents to file: invitation with agenda, and the approved minutes; confidential items only for members. */
@Service
@Transactional(readOnly = true)
public class MeetingPapers {

    private final Meetings meetings;
    private final MeetingMinutes minutes;
    private final AgendaLinks links;
    private final Bodies bodies;
    private final People people;
    private final Partnerships partnerships;
    private final AuditTrail auditTrail;
    private final MessageSource messages;
    private final Clock clock;

    MeetingPapers(Meetings meetings, MeetingMinutes minutes, AgendaLinks links, Bodies bodies, People people, Partnerships partnerships,
            AuditTrail auditTrail, MessageSource messages, Clock clock) {
        this.meetings = meetings;
        this.minutes = minutes;
        this.links = links;
        this.bodies = bodies;
        this.people = people;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
        this.messages = messages;
        this.clock = clock;
    }

    @PreAuthorize(MeetingPermissions.READ)
    public void invitation(MeetingId id, OutputStream out) {
        var references = links.ofMeeting(id).stream().collect(Collectors.groupingBy(AgendaLink::agendaItem,
                Collectors.mapping(links::describe, Collectors.toList())));
        MeetingDocuments.writeInvitation(heading(id), meetings.agenda(id), names(), references, out);
    }

    /** Only approved minutes are filed; drafts stay in SiPa. */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional
    public void approvedMinutes(MeetingId id, OutputStream out) {
        var meeting = writeApprovedMinutes(id, out);
        auditTrail.record(AuditAction.EXPORTED, "Minutes", id, "Protokoll als PDF: " + meeting.title());
    }

    /**
     * The invitation or the approved minutes as the public reads them (OParl): written as nobody's member, hence
     * without confidential items, their decisions and their minutes. Public, so not audited as an export.
     */
    public void publish(PartnershipId partnership, MeetingId id, boolean minutesToo, OutputStream out) {
        CurrentUser.runAs(SipaUser.publicReader(partnership), () -> {
            if (minutesToo) {
                writeApprovedMinutes(id, out);
            } else {
                invitation(id, out);
            }
        });
    }

    private Meeting writeApprovedMinutes(MeetingId id, OutputStream out) {
        var approved = minutes.current(id).filter(m -> m.status() == MinutesStatus.APPROVED)
                .orElseThrow(() -> new NotFoundException("Minutes", id));
        var heading = heading(id);
        MeetingDocuments.writeMinutes(heading, meetings.agenda(id), approved, bodies.members(heading.meeting().body()),
                meetings.attendance(id).stream().collect(Collectors.toMap(Attendance::person, a -> a)),
                status -> messages.getMessage("attendance.status." + status, null, Locale.GERMANY), names(),
                meetings.decisions(id), out);
        return heading.meeting();
    }

    private MeetingDocuments.Heading heading(MeetingId id) {
        var meeting = meetings.get(id);
        return new MeetingDocuments.Heading(partnerships.letterhead(), bodies.get(meeting.body()).name(), meeting,
                clock.getZone());
    }

    private Map<PersonId, String> names() {
        return people.all().stream().collect(Collectors.toMap(Person::id, Person::fullName));
    }
}
