package de.sipa.meetings.oparl;

import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.meetings.MeetingId;
import de.sipa.meetings.MeetingPapers;
import de.sipa.meetings.MeetingStatus;
import de.sipa.meetings.oparl.OparlRepository.DecisionRow;
import de.sipa.meetings.oparl.OparlRepository.FileRow;
import de.sipa.meetings.oparl.OparlRepository.ItemRow;
import de.sipa.meetings.oparl.OparlRepository.MeetingRow;
import de.sipa.meetings.oparl.OparlSlice.Listed;
import de.sipa.partners.Bodies;
import de.sipa.partners.Body;
import de.sipa.partners.Membership;
import de.sipa.partners.MembershipRole;
import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.partners.PublicPerson;
import de.sipa.partners.PublicRoster;
import de.sipa.partners.Published;
import de.sipa.shared.NotFoundException;

/**
 * The partnerships' bodies and meetings as OParl 1.1 objects. A partnership is an OParl Body, its bodies
 * (Gremien) are Organizations, a decision is a Paper decided in one Consultation, the material of an agenda item are
 * its Files. Only public data: no confidential agenda item, nothing decided or filed under one, no contact data.
 */
@Service
@Transactional(readOnly = true)
class OparlPublication {

    static final String MEETINGS = "meetings";
    static final String AGENDA_ITEMS = "agenda-items";
    static final String PAPERS = "papers";
    static final String CONSULTATIONS = "consultations";
    static final String FILES = "files";
    static final String ORGANIZATIONS = "organizations";
    static final String PEOPLE = "people";
    static final String MEMBERSHIPS = "memberships";
    static final String LEGISLATIVE_TERMS = "legislative-terms";
    static final String LOCATIONS = "locations";
    static final String INVITATION = "invitation";
    static final String RESULTS_PROTOCOL = "results-protocol";

    private final Partnerships partnerships;
    private final Bodies bodies;
    private final OparlRepository repository;
    private final MeetingPapers papers;
    private final MessageSource messages;
    private final ZoneId zone;
    private final Environment environment;

    OparlPublication(Partnerships partnerships, Bodies bodies, OparlRepository repository, MeetingPapers papers,
            MessageSource messages, Clock clock, Environment environment) {
        this.environment = environment;
        this.papers = papers;
        this.partnerships = partnerships;
        this.bodies = bodies;
        this.repository = repository;
        this.messages = messages;
        this.zone = clock.getZone();
    }

    OparlObject system(String system) {
        return new OparlObject(system, "System", zone)
                .with("oparlVersion", OparlObject.SCHEMA)
                .with("body", system + "/bodies")
                .with("name", "SiPa – Sicherheitspartnerschaften");
    }

    OparlPage bodies(String system, OparlQuery query) {
        return page(partnerships.published().stream().map(p -> new Listed(p.created(), p.modified(), p.record().id().value(),
                false, () -> body(new OparlUrls(system, p.record().slug()), p))).toList(), query);
    }

    OparlObject body(OparlUrls urls) {
        var slug = urls.slug();
        return partnerships.published().stream().filter(p -> p.record().slug().equals(slug)).findFirst()
                .map(p -> body(urls, p)).orElseThrow(() -> new NotFoundException("Body", slug));
    }

    private OparlObject body(OparlUrls urls, Published<Partnership> partnership) {
        return new OparlObject(urls.body(), "Body", zone)
                .with("system", urls.system())
                .with("name", partnership.record().name())
                .with("shortName", partnership.record().slug())
                .with("classification", "Sicherheitspartnerschaft")
                .with("organization", urls.list(ORGANIZATIONS))
                .with("person", urls.list(PEOPLE))
                .with("meeting", urls.list(MEETINGS))
                .with("paper", urls.list(PAPERS))
                .with("legislativeTerm", List.of(legislativeTerm(urls, partnership)))
                .with("agendaItem", urls.list(AGENDA_ITEMS))
                .with("consultation", urls.list(CONSULTATIONS))
                .with("file", urls.list(FILES))
                .with("locationList", urls.list(LOCATIONS))
                .with("legislativeTermList", urls.list(LEGISLATIVE_TERMS))
                .with("membership", urls.list(MEMBERSHIPS))
                .with("license", license(partnership.record().slug()))
                .stamped(partnership.created(), partnership.modified());
    }

    /**
     * The licence of a partnership's published data: {@code sipa.oparl.license.<slug>}, else
     * {@code sipa.oparl.license}, by default the Datenlizenz Deutschland – Namensnennung – Version 2.0.
     */
    private String license(String slug) {
        return environment.getProperty("sipa.oparl.license." + slug,
                environment.getProperty("sipa.oparl.license", DEFAULT_LICENSE));
    }

    static final String DEFAULT_LICENSE = "https://www.govdata.de/dl-de/by-2-0";

    /**
     * A partnership has no elections: its bodies work in one open-ended term since the partnership was set up, so
     * that clients which sort by term find one. Its id is the partnership's.
     */
    private OparlObject legislativeTerm(OparlUrls urls, Published<Partnership> partnership) {
        return new OparlObject(urls.object(LEGISLATIVE_TERMS, partnership.record().id().value()), "LegislativeTerm", zone)
                .with("body", urls.body())
                .with("name", label("oparl.legislative-term.name"))
                .withDate("startDate", partnership.created().atZone(zone).toLocalDate())
                .stamped(partnership.created(), partnership.created());
    }

    private Published<Partnership> published(OparlUrls urls) {
        return partnerships.published().stream().filter(p -> p.record().slug().equals(urls.slug())).findFirst()
                .orElseThrow(() -> new NotFoundException("Body", urls.slug()));
    }

    /** The body's list of that kind (the last segment of its URL). */
    OparlPage list(OparlUrls urls, String kind, OparlQuery query) {
        return switch (kind) {
            case ORGANIZATIONS -> page(organizations(urls), query);
            case PEOPLE -> page(people(urls), query);
            case MEMBERSHIPS -> page(memberships(urls), query);
            case MEETINGS -> meetings(urls, null, query);
            case AGENDA_ITEMS -> agendaItems(urls, query);
            case PAPERS -> papers(urls, query);
            case CONSULTATIONS -> consultations(urls, query);
            case FILES -> files(urls, query);
            case LEGISLATIVE_TERMS -> legislativeTerms(urls);
            case LOCATIONS -> locations(urls, query);
            default -> throw new NotFoundException("OParl list", kind);
        };
    }

    /** One object under its URL, the body's list URL and the object's id. */
    OparlObject object(OparlUrls urls, String kind, UUID id) {
        return switch (kind) {
            case ORGANIZATIONS -> find(organizations(urls), id, "Organization");
            case PEOPLE -> find(people(urls), id, "Person");
            case MEMBERSHIPS -> find(memberships(urls), id, "Membership");
            case MEETINGS -> meeting(urls, id);
            case AGENDA_ITEMS -> agendaItem(urls, id);
            case PAPERS -> paper(urls, decision(urls, id));
            case CONSULTATIONS -> consultation(urls, decision(urls, id), true);
            case FILES -> file(urls, repository.file(partnership(urls).id(), id)
                    .orElseThrow(() -> new NotFoundException("File", id)), false);
            case LEGISLATIVE_TERMS -> legislativeTerms(urls).data().stream()
                    .filter(t -> t.get("id").equals(urls.object(LEGISLATIVE_TERMS, id))).findFirst()
                    .orElseThrow(() -> new NotFoundException("LegislativeTerm", id));
            default -> throw new NotFoundException("OParl object", kind);
        };
    }

    private List<Listed> organizations(OparlUrls urls) {
        var roster = roster(urls);
        return listed(urls, roster.bodies(), b -> b.id().value(), b -> organization(urls, b, roster),
                roster.deleted(PublicRoster.BODY), ORGANIZATIONS, "Organization");
    }

    private OparlObject organization(OparlUrls urls, Published<Body> body, PublicRoster roster) {
        var id = body.record().id();
        return new OparlObject(urls.object(ORGANIZATIONS, id.value()), "Organization", zone)
                .with("body", urls.body())
                .with("name", body.record().name())
                .with("shortName", body.record().shortName())
                .with("organizationType", "Gremium")
                .with("classification", label("body.kind." + body.record().kind()))
                .with("membership", roster.memberships().stream().filter(m -> m.record().body().equals(id))
                        .map(m -> urls.object(MEMBERSHIPS, m.record().id().value())).toList())
                .with("meeting", urls.object(ORGANIZATIONS, id.value()) + "/" + MEETINGS)
                .stamped(body.created(), body.modified());
    }

    private List<Listed> people(OparlUrls urls) {
        var roster = roster(urls);
        return listed(urls, roster.people(), p -> p.id().value(), p -> person(urls, p, roster),
                roster.deleted(PublicRoster.PERSON), PEOPLE, "Person");
    }

    private OparlObject person(OparlUrls urls, Published<PublicPerson> person, PublicRoster roster) {
        var id = person.record().id();
        return new OparlObject(urls.object(PEOPLE, id.value()), "Person", zone)
                .with("body", urls.body())
                .with("name", person.record().fullName())
                .with("familyName", person.record().lastName())
                .with("givenName", person.record().firstName())
                .with("formOfAddress", person.record().salutation())
                .with("status", person.record().function() == null ? null : List.of(person.record().function()))
                .with("membership", roster.memberships().stream().filter(m -> m.record().person().equals(id))
                        .map(m -> membership(urls, m, false)).toList())
                .stamped(person.created(), person.modified());
    }

    private List<Listed> memberships(OparlUrls urls) {
        var roster = roster(urls);
        return listed(urls, roster.memberships(), m -> m.id().value(), m -> membership(urls, m, true),
                roster.deleted(PublicRoster.MEMBERSHIP), MEMBERSHIPS, "Membership");
    }

    /**
     * A list of the network held in memory: the public records and, as OParl wants, the deleted ones under their
     * URL with {@code deleted}, so that clients syncing with modified_since learn of the deletion.
     */
    private <T> List<Listed> listed(OparlUrls urls, List<Published<T>> live, Function<T, UUID> id,
            Function<Published<T>, OparlObject> write, List<PublicRoster.Tombstone> deleted, String kind, String type) {
        var listed = new ArrayList<Listed>();
        live.forEach(p -> listed.add(new Listed(p.created(), p.modified(), id.apply(p.record()), false,
                () -> write.apply(p))));
        deleted.forEach(t -> listed.add(new Listed(t.created(), t.deleted(), t.id(), true,
                () -> deleted(urls.object(kind, t.id()), type, t.created(), t.deleted()))));
        return listed;
    }

    /** What was public and is gone, under its URL. */
    private OparlObject deleted(String url, String type, java.time.Instant created, java.time.Instant deleted) {
        return new OparlObject(url, type, zone).stamped(created, deleted).with("deleted", true);
    }

    private static OparlPage page(List<Listed> listed, OparlQuery query) {
        var slice = OparlSlice.of(listed, query);
        return new OparlPage(slice.items().stream().map(l -> l.object().get()).toList(), slice);
    }

    private static OparlObject find(List<Listed> listed, UUID id, String type) {
        return listed.stream().filter(l -> l.id().equals(id)).findFirst().map(l -> l.object().get())
                .orElseThrow(() -> new NotFoundException(type, id));
    }

    /** Inside its person the membership leaves out the way back to the person, as the spec allows. */
    private OparlObject membership(OparlUrls urls, Published<Membership> published, boolean withPerson) {
        var membership = published.record();
        return new OparlObject(urls.object(MEMBERSHIPS, membership.id().value()), "Membership", zone)
                .with("person", withPerson ? urls.object(PEOPLE, membership.person().value()) : null)
                .with("organization", urls.object(ORGANIZATIONS, membership.body().value()))
                .with("role", label("membership.role." + membership.role()))
                .with("votingRight", membership.role() != MembershipRole.GUEST)
                .withDate("startDate", membership.startsOn())
                .withDate("endDate", membership.endsOn())
                .stamped(published.created(), published.modified());
    }

    OparlPage meetings(OparlUrls urls, UUID organization, OparlQuery query) {
        var partnership = partnership(urls);
        if (organization != null) {
            find(organizations(urls), organization, "Organization");
        }
        var slice = repository.meetings(partnership.id(), organization, query);
        return new OparlPage(meetings(urls, slice.items()), slice);
    }

    private OparlObject meeting(OparlUrls urls, UUID id) {
        var meeting = repository.meeting(partnership(urls).id(), id)
                .orElseThrow(() -> new NotFoundException("Meeting", id));
        return meetings(urls, List.of(meeting)).get(0);
    }

    OparlObject location(OparlUrls urls, UUID meetingId) {
        var meeting = repository.meeting(partnership(urls).id(), meetingId)
                .orElseThrow(() -> new NotFoundException("Location", meetingId));
        if (meeting.location() == null) {
            return deleted(urls.object(MEETINGS, meetingId) + "/location", "Location", meeting.created(),
                    meeting.modified());
        }
        return location(urls, meeting).with("meeting", List.of(urls.object(MEETINGS, meetingId)));
    }

    /** The places of the meetings: each meeting with a place has its Location. */
    private OparlPage locations(OparlUrls urls, OparlQuery query) {
        var slice = repository.locations(partnership(urls).id(), query);
        return new OparlPage(slice.items().stream().map(m -> m.location() == null
                ? deleted(urls.object(MEETINGS, m.id()) + "/location", "Location", m.created(), m.modified())
                : location(urls, m).with("meeting", List.of(urls.object(MEETINGS, m.id())))).toList(), slice);
    }

    private OparlObject location(OparlUrls urls, MeetingRow meeting) {
        return new OparlObject(urls.object(MEETINGS, meeting.id()) + "/location", "Location", zone)
                .with("description", meeting.location())
                .stamped(meeting.created(), meeting.modified());
    }

    private List<OparlObject> meetings(OparlUrls urls, List<MeetingRow> meetings) {
        var ids = meetings.stream().map(MeetingRow::id).toList();
        var agenda = agenda(urls, repository.agendaOf(ids), true);
        var published = roster(urls).people().stream().map(p -> p.record().id().value()).collect(Collectors.toSet());
        var present = new HashMap<UUID, List<String>>();
        for (var attendance : repository.presentAt(ids)) {
            if (published.contains(attendance[1])) {
                present.computeIfAbsent(attendance[0], k -> new ArrayList<>()).add(urls.object(PEOPLE, attendance[1]));
            }
        }
        return meetings.stream().map(m -> {
            var status = MeetingStatus.valueOf(m.status());
            return new OparlObject(urls.object(MEETINGS, m.id()), "Meeting", zone)
                    .with("name", m.title())
                    .with("meetingState", label("meeting.status." + status))
                    .with("cancelled", status == MeetingStatus.CANCELLED ? Boolean.TRUE : null)
                    .withTime("start", m.startsAt())
                    .withTime("end", m.endsAt())
                    .with("location", m.location() == null ? null : location(urls, m))
                    .with("organization", List.of(urls.object(ORGANIZATIONS, m.body())))
                    .with("invitation", status == MeetingStatus.CANCELLED ? null : meetingFile(urls, m, INVITATION))
                    .with("resultsProtocol", status == MeetingStatus.MINUTES_APPROVED ? meetingFile(urls, m, RESULTS_PROTOCOL) : null)
                    .with("participant", present.getOrDefault(m.id(), List.of()))
                    .with("agendaItem", agenda.getOrDefault(m.id(), List.of()))
                    .stamped(m.created(), m.modified());
        }).toList();
    }

    /** The invitation or the approved minutes of a meeting as a File; made on request, public part only. */
    OparlObject meetingPaper(OparlUrls urls, UUID meetingId, String role) {
        var meeting = repository.meeting(partnership(urls).id(), meetingId)
                .orElseThrow(() -> new NotFoundException("Meeting", meetingId));
        var status = MeetingStatus.valueOf(meeting.status());
        if (INVITATION.equals(role) && status != MeetingStatus.CANCELLED
                || RESULTS_PROTOCOL.equals(role) && status == MeetingStatus.MINUTES_APPROVED) {
            return meetingFile(urls, meeting, role).with("meeting", List.of(urls.object(MEETINGS, meetingId)));
        }
        if (INVITATION.equals(role)) {
            return deleted(urls.object(MEETINGS, meetingId) + "/" + role, "File", meeting.created(), meeting.modified());
        }
        throw new NotFoundException("File", meetingId + "/" + role);
    }

    void writeMeetingPaper(OparlUrls urls, UUID meetingId, String role, OutputStream out) {
        if (meetingPaper(urls, meetingId, role).containsKey("deleted")) {
            throw new NotFoundException("File", meetingId + "/" + role);
        }
        papers.publish(partnership(urls).id(), new MeetingId(meetingId), RESULTS_PROTOCOL.equals(role), out);
    }

    private OparlObject meetingFile(OparlUrls urls, MeetingRow meeting, String role) {
        var url = urls.object(MEETINGS, meeting.id()) + "/" + role;
        var day = meeting.startsAt().atZone(zone).toLocalDate();
        var invitation = INVITATION.equals(role);
        return new OparlObject(url, "File", zone)
                .with("name", (invitation ? "Einladung – " : "Ergebnisprotokoll – ") + meeting.title())
                .with("fileName", (invitation ? "einladung-" : "protokoll-") + day + ".pdf")
                .with("mimeType", "application/pdf")
                .with("accessUrl", url + "/content")
                .with("downloadUrl", url + "/download")
                .with("fileRole", invitation ? "Einladung" : "Ergebnisprotokoll")
                .stamped(meeting.created(), meeting.modified());
    }

    private OparlPage agendaItems(OparlUrls urls, OparlQuery query) {
        var slice = repository.agendaItems(partnership(urls).id(), query);
        var byMeeting = agenda(urls, slice.items(), false);
        var byId = byMeeting.values().stream().flatMap(List::stream)
                .collect(Collectors.toMap(o -> (String) o.get("id"), Function.identity()));
        return new OparlPage(slice.items().stream().map(i -> byId.get(urls.object(AGENDA_ITEMS, i.id()))).toList(),
                slice);
    }

    private OparlObject agendaItem(OparlUrls urls, UUID id) {
        var item = repository.agendaItem(partnership(urls).id(), id)
                .orElseThrow(() -> new NotFoundException("AgendaItem", id));
        return agenda(urls, List.of(item), false).get(item.meeting()).get(0);
    }

    /** Agenda items per meeting with their decisions and files; inside a meeting they leave out the meeting. */
    private Map<UUID, List<OparlObject>> agenda(OparlUrls urls, List<ItemRow> items, boolean embedded) {
        var ids = items.stream().map(ItemRow::id).toList();
        var decisions = repository.decisionsOn(ids).stream().collect(Collectors.groupingBy(DecisionRow::agendaItem));
        var files = repository.filesOf(ids).stream()
                .collect(Collectors.groupingBy(FileRow::agendaItem));
        var agenda = new HashMap<UUID, List<OparlObject>>();
        for (var item : items) {
            var decided = decisions.getOrDefault(item.id(), List.of());
            var object = new OparlObject(urls.object(AGENDA_ITEMS, item.id()), "AgendaItem", zone)
                    .with("meeting", embedded ? null : urls.object(MEETINGS, item.meeting()))
                    .with("number", String.valueOf(item.number()))
                    .with("order", item.number())
                    .with("name", item.title())
                    .with("public", true)
                    .with("consultation", decided.isEmpty() ? null : urls.object(CONSULTATIONS, decided.get(0).id()))
                    .with("result", decided.isEmpty() ? null : "beschlossen ("
                            + decided.stream().map(DecisionRow::reference).collect(Collectors.joining(", ")) + ")")
                    .with("resolutionText", decided.isEmpty() ? null
                            : decided.stream().map(DecisionRow::wording).collect(Collectors.joining("\n\n")))
                    .with("auxiliaryFile", files.getOrDefault(item.id(), List.of()).stream()
                            .map(f -> file(urls, f, true)).toList())
                    .stamped(item.created(), item.modified());
            agenda.computeIfAbsent(item.meeting(), k -> new ArrayList<>()).add(object);
        }
        return agenda;
    }

    private OparlPage papers(OparlUrls urls, OparlQuery query) {
        var slice = repository.decisions(partnership(urls).id(), query);
        return new OparlPage(slice.items().stream().map(d -> paper(urls, d)).toList(), slice);
    }

    private OparlObject paper(OparlUrls urls, DecisionRow decision) {
        return new OparlObject(urls.object(PAPERS, decision.id()), "Paper", zone)
                .with("body", urls.body())
                .with("name", decision.wording().length() <= 200 ? decision.wording()
                        : decision.wording().substring(0, 199) + "…")
                .with("reference", decision.reference())
                .withDate("date", decision.decidedAt().atZone(zone).toLocalDate())
                .with("paperType", "Beschluss")
                .with("underDirectionOf", List.of(urls.object(ORGANIZATIONS, decision.body())))
                .with("consultation", List.of(consultation(urls, decision, false)))
                .stamped(decision.decidedAt(), decision.modified());
    }

    private OparlPage consultations(OparlUrls urls, OparlQuery query) {
        var slice = repository.decisions(partnership(urls).id(), query);
        return new OparlPage(slice.items().stream().map(d -> consultation(urls, d, true)).toList(), slice);
    }

    private OparlObject consultation(OparlUrls urls, DecisionRow decision, boolean withPaper) {
        return new OparlObject(urls.object(CONSULTATIONS, decision.id()), "Consultation", zone)
                .with("paper", withPaper ? urls.object(PAPERS, decision.id()) : null)
                .with("agendaItem", decision.agendaItem() == null ? null : urls.object(AGENDA_ITEMS, decision.agendaItem()))
                .with("meeting", urls.object(MEETINGS, decision.meeting()))
                .with("organization", List.of(urls.object(ORGANIZATIONS, decision.body())))
                .with("authoritative", true)
                .with("role", "Beschlussfassung")
                .stamped(decision.decidedAt(), decision.modified());
    }

    private DecisionRow decision(OparlUrls urls, UUID id) {
        return repository.decision(partnership(urls).id(), id).orElseThrow(() -> new NotFoundException("Paper", id));
    }

    private OparlPage files(OparlUrls urls, OparlQuery query) {
        var slice = repository.files(partnership(urls).id(), query);
        var meetings = repository.meetings(slice.items().stream().filter(f -> !f.material()).map(FileRow::meeting)
                .distinct().toList()).stream().collect(Collectors.toMap(MeetingRow::id, Function.identity()));
        return new OparlPage(slice.items().stream().map(f -> f.material() ? file(urls, f, false)
                : f.deleted() ? deleted(urls.object(MEETINGS, f.meeting()) + "/" + f.role(), "File", f.uploadedAt(),
                        f.modified())
                : meetingFile(urls, meetings.get(f.meeting()), f.role())
                        .with("meeting", List.of(urls.object(MEETINGS, f.meeting())))).toList(), slice);
    }

    OparlRepository.FileContent content(OparlUrls urls, UUID id) {
        return repository.fileContent(partnership(urls).id(), id).orElseThrow(() -> new NotFoundException("File", id));
    }

    private OparlObject file(OparlUrls urls, FileRow file, boolean embedded) {
        var url = urls.object(FILES, file.id());
        var dot = file.fileName().lastIndexOf('.');
        var name = dot > 0 ? file.fileName().substring(0, dot) : file.fileName();
        return new OparlObject(url, "File", zone)
                .with("name", file.version() > 1 ? name + " (Fassung " + file.version() + ")" : name)
                .with("fileName", file.fileName())
                .with("mimeType", file.contentType())
                .withDate("date", file.uploadedAt().atZone(zone).toLocalDate())
                .with("size", file.size())
                .with("accessUrl", url + "/content")
                .with("downloadUrl", url + "/download")
                .with("meeting", embedded ? null : List.of(urls.object(MEETINGS, file.meeting())))
                .with("agendaItem", embedded ? null : List.of(urls.object(AGENDA_ITEMS, file.agendaItem())))
                .stamped(file.uploadedAt(), file.modified());
    }

    private OparlPage legislativeTerms(OparlUrls urls) {
        var term = legislativeTerm(urls, published(urls));
        return new OparlPage(List.of(term), new OparlSlice<>(List.of(term), null, 1L));
    }

    private Partnership partnership(OparlUrls urls) {
        return partnerships.bySlug(urls.slug()).orElseThrow(() -> new NotFoundException("Body", urls.slug()));
    }

    private PublicRoster roster(OparlUrls urls) {
        return bodies.publicRoster(partnership(urls).id());
    }

    private String label(String key) {
        return messages.getMessage(key, null, Locale.GERMANY);
    }
}
