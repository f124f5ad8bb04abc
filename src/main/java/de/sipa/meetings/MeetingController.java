package de.sipa.meetings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.Bodies;
import de.sipa.partners.Organisations;
import de.sipa.partners.People;
import de.sipa.partners.PersonId;
import de.sipa.responsibilities.Review;
import de.sipa.responsibilities.ReviewId;
import de.sipa.responsibilities.Reviews;
import de.sipa.responsibilities.TopicId;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PdfLetterhead;
import de.sipa.shared.RuleViolationException;

@Controller
@RequestMapping("/meetings")
class MeetingController {

    private static final String STATUS = "status-";
    private static final String REPRESENTED_BY = "representedBy-";

    private final Meetings meetings;
    private final YearPlanning yearPlanning;
    private final MeetingMinutes minutes;
    private final MeetingPapers papers;
    private final FollowUpBoard board;
    private final AgendaProposals proposals;
    private final MeetingMaterials materials;
    private final AgendaLinks links;
    private final Reviews reviews;
    private final Bodies bodies;
    private final People people;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;

    MeetingController(Meetings meetings, YearPlanning yearPlanning, MeetingMinutes minutes, MeetingPapers papers, FollowUpBoard board,
            AgendaProposals proposals, MeetingMaterials materials, AgendaLinks links,
            Reviews reviews, Bodies bodies, People people, Organisations organisations, MessageSource messages, Clock clock) {
        this.meetings = meetings;
        this.yearPlanning = yearPlanning;
        this.minutes = minutes;
        this.papers = papers;
        this.board = board;
        this.proposals = proposals;
        this.materials = materials;
        this.links = links;
        this.reviews = reviews;
        this.bodies = bodies;
        this.people = people;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) UUID body, @RequestParam(defaultValue = "true") boolean upcoming,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("meetings", meetings.page(body, upcoming, mine, PageRequest.of(Math.max(page, 0), 25)));
        model.addAttribute("mine", mine);
        model.addAttribute("body", body);
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("openActionItems", board.followUps(FollowUpQuery.OPEN));
        model.addAttribute("today", LocalDate.now(clock));
        MeetingNames.addTo(model, bodies, organisations, people);
        return "meetings/list";
    }

    @GetMapping("/new")
    @PreAuthorize(MeetingPermissions.PLAN)
    String createForm(@RequestParam(required = false) UUID body, Model model) {
        var start = LocalDate.now(clock).plusWeeks(2).atTime(14, 0);
        return form(model, new MeetingDetails(body, "", start, start.plusHours(2), "", ""));
    }

    @PostMapping
    @PreAuthorize(MeetingPermissions.PLAN)
    String schedule(@Valid @ModelAttribute("meeting") MeetingDetails details, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, details);
        }
        try {
            var id = meetings.schedule(details);
            redirect.addFlashAttribute("success", "meeting.scheduled");
            return "redirect:/meetings/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, details);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var meeting = meetings.get(new MeetingId(id));
        model.addAttribute("meeting", meeting);
        model.addAttribute("body", bodies.get(meeting.body()));
        model.addAttribute("series", meeting.series() == null ? null : yearPlanning.get(meeting.series()));
        model.addAttribute("agenda", meetings.agenda(meeting.id()));
        model.addAttribute("decisions", meetings.decisions(meeting.id()));
        model.addAttribute("actionItems", meetings.actionItems(meeting.id()));
        model.addAttribute("overlapping", meetings.overlapping(meeting.id()));
        model.addAttribute("members", meetings.attendees(meeting.id()));
        model.addAttribute("attendance", meetings.attendance(meeting.id()).stream()
                .collect(Collectors.toMap(Attendance::person, a -> a)));
        model.addAttribute("quorum", meetings.quorum(meeting.id()));
        model.addAttribute("quorumRules", QuorumRule.values());
        model.addAttribute("minutes", minutes.current(meeting.id()).orElse(null));
        model.addAttribute("proposals", proposals.ofMeeting(meeting.id()));
        var allReviews = reviews.all();
        model.addAttribute("reviews", allReviews);
        model.addAttribute("reviewTitles", allReviews.stream().collect(Collectors.toMap(Review::id, Review::title)));
        model.addAttribute("materials", materials.ofMeeting(meeting.id()).stream()
                .collect(Collectors.groupingBy(Material::agendaItem)));
        model.addAttribute("links", links.ofMeeting(meeting.id()).stream()
                .collect(Collectors.groupingBy(AgendaLink::agendaItem)));
        model.addAttribute("linkableTopics", links.linkableTopics());
        model.addAttribute("proposalCutOff", proposals.cutOff(meeting.id()));
        model.addAttribute("member", meetings.isMember(meeting.body()));
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("today", LocalDate.now(clock));
        MeetingNames.addTo(model, bodies, organisations, people);
        return "meetings/detail";
    }

    /** Time, place and title of a meeting not yet held; once invited, the invitees get the update. */
    @GetMapping("/{id}/edit")
    @PreAuthorize(MeetingPermissions.PLAN)
    String editForm(@PathVariable UUID id, Model model) {
        var meeting = meetings.get(new MeetingId(id));
        var zone = clock.getZone();
        return editForm(model, meeting, new MeetingDetails(meeting.body().value(), meeting.title(),
                meeting.startsAt().atZone(zone).toLocalDateTime(), meeting.endsAt().atZone(zone).toLocalDateTime(),
                meeting.location(), meeting.videoLink()));
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize(MeetingPermissions.PLAN)
    String reschedule(@PathVariable UUID id, @Valid @ModelAttribute("meeting") MeetingDetails details,
            BindingResult result, Model model, RedirectAttributes redirect) {
        var meeting = meetings.get(new MeetingId(id));
        if (result.hasErrors()) {
            return editForm(model, meeting, details);
        }
        try {
            meetings.reschedule(meeting.id(), details);
            redirect.addFlashAttribute("success",
                    meeting.status() == MeetingStatus.INVITED ? "meeting.changed.sent" : "meeting.changed");
            return "redirect:/meetings/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return editForm(model, meeting, details);
        }
    }

    private String editForm(Model model, Meeting meeting, MeetingDetails details) {
        model.addAttribute("editing", meeting);
        model.addAttribute("bodyName", bodies.get(meeting.body()).name());
        return form(model, details);
    }

    @GetMapping("/{id}/calendar.ics")
    ResponseEntity<String> calendarFile(@PathVariable UUID id, java.util.Locale locale) {
        var meeting = new MeetingId(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename("sitzung.ics").build().toString())
                .body(meetings.calendarFile(meeting, messages.getMessage("calendar.meeting.name", null, locale)));
    }

    @GetMapping("/{id}/invitation.pdf")
    void invitationPdf(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        PdfLetterhead.send(response, "einladung.pdf", out -> papers.invitation(new MeetingId(id), out));
    }

    @GetMapping("/{id}/minutes.pdf")
    void minutesPdf(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        PdfLetterhead.send(response, "protokoll.pdf", out -> papers.approvedMinutes(new MeetingId(id), out));
    }

    @PostMapping("/{id}/invite")
    @PreAuthorize(MeetingPermissions.PLAN)
    String invite(@PathVariable UUID id, RedirectAttributes redirect) {
        return step(id, redirect, "meeting.invited", () -> meetings.invite(new MeetingId(id)));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(MeetingPermissions.PLAN)
    String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return step(id, redirect, "meeting.cancelled", () -> meetings.cancel(new MeetingId(id), reason));
    }

    /** One status and representative per member, named after the person, so that empty fields stay aligned. */
    @PostMapping("/{id}/attendance")
    @PreAuthorize(MeetingPermissions.PLAN)
    String recordAttendance(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        var attendance = form.entrySet().stream()
                .filter(field -> field.getKey().startsWith(STATUS) && !field.getValue().isBlank())
                .map(field -> {
                    var person = field.getKey().substring(STATUS.length());
                    var representative = form.getOrDefault(REPRESENTED_BY + person, "");
                    return new Attendance(new PersonId(UUID.fromString(person)),
                            Attendance.Status.valueOf(field.getValue()),
                            representative.isBlank() ? null : new PersonId(UUID.fromString(representative)));
                })
                .toList();
        return step(id, redirect, "attendance.recorded", () -> meetings.recordAttendance(new MeetingId(id), attendance));
    }

    @PostMapping("/{id}/quorum-rule")
    @PreAuthorize(MeetingPermissions.PLAN)
    String setQuorumRule(@PathVariable UUID id, @RequestParam QuorumRule rule, RedirectAttributes redirect) {
        return step(id, redirect, "quorum.rule.saved",
                () -> meetings.setQuorumRule(meetings.get(new MeetingId(id)).body(), rule));
    }

    @PostMapping("/{id}/agenda")
    @PreAuthorize(MeetingPermissions.PLAN)
    String addAgendaItem(@PathVariable UUID id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description, @RequestParam(required = false) UUID presenter,
            @RequestParam(defaultValue = "false") boolean confidential, RedirectAttributes redirect) {
        return step(id, redirect, "agenda.added",
                () -> meetings.addAgendaItem(new MeetingId(id), title, description, presenter, confidential));
    }

    @PostMapping("/{id}/agenda/{item}/material")
    @PreAuthorize(MeetingPermissions.PLAN)
    String attach(@PathVariable UUID id, @PathVariable UUID item, @RequestParam("file") MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        var content = file.getBytes();
        return step(id, redirect, "material.attached",
                () -> materials.attach(new MeetingId(id), item, file.getOriginalFilename(), content));
    }

    @PostMapping("/{id}/agenda/{item}/links/report")
    @PreAuthorize(MeetingPermissions.PLAN)
    String linkReport(@PathVariable UUID id, @PathVariable UUID item, @RequestParam(defaultValue = "") String report,
            RedirectAttributes redirect) {
        return step(id, redirect, "agenda.link.added", () -> links.linkReport(new MeetingId(id), item, report));
    }

    @PostMapping("/{id}/agenda/{item}/links/topic")
    @PreAuthorize(MeetingPermissions.PLAN)
    String linkTopic(@PathVariable UUID id, @PathVariable UUID item, @RequestParam(required = false) UUID topic,
            RedirectAttributes redirect) {
        return step(id, redirect, "agenda.link.added",
                () -> links.linkTopic(new MeetingId(id), item, topic == null ? null : new TopicId(topic)));
    }

    @PostMapping("/{id}/links/{link}/delete")
    @PreAuthorize(MeetingPermissions.PLAN)
    String unlink(@PathVariable UUID id, @PathVariable UUID link, RedirectAttributes redirect) {
        return step(id, redirect, "agenda.link.removed", () -> links.unlink(new MeetingId(id), link));
    }

    @GetMapping("/{id}/material/{material}")
    ResponseEntity<byte[]> material(@PathVariable UUID id, @PathVariable UUID material) {
        var download = materials.download(new MeetingId(id), material);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.material().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.material().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(download.content());
    }

    @PostMapping("/{id}/proposals")
    String propose(@PathVariable UUID id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description, RedirectAttributes redirect) {
        return step(id, redirect, "proposal.made", () -> proposals.propose(new MeetingId(id), title, description));
    }

    @PostMapping("/{id}/proposals/{proposal}/accept")
    @PreAuthorize(MeetingPermissions.PLAN)
    String acceptProposal(@PathVariable UUID id, @PathVariable UUID proposal, RedirectAttributes redirect) {
        return step(id, redirect, "proposal.accepted", () -> proposals.accept(new MeetingId(id), proposal));
    }

    @PostMapping("/{id}/proposals/{proposal}/decline")
    @PreAuthorize(MeetingPermissions.PLAN)
    String declineProposal(@PathVariable UUID id, @PathVariable UUID proposal,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return step(id, redirect, "proposal.declined", () -> proposals.decline(new MeetingId(id), proposal, reason));
    }

    @PostMapping("/{id}/decisions")
    @PreAuthorize(MeetingPermissions.PLAN)
    String decide(@PathVariable UUID id, @RequestParam(required = false) UUID agendaItem,
            @RequestParam(defaultValue = "") String wording, @RequestParam(defaultValue = "") String vote,
            @RequestParam(required = false) UUID review, RedirectAttributes redirect) {
        return step(id, redirect, "decision.taken", () -> meetings.decide(new MeetingId(id), agendaItem, wording, vote,
                review == null ? null : new ReviewId(review)));
    }

    @PostMapping("/{id}/action-items")
    @PreAuthorize(MeetingPermissions.PLAN)
    String assign(@PathVariable UUID id, @RequestParam(required = false) UUID decision,
            @RequestParam(defaultValue = "") String title, @RequestParam UUID owner,
            @RequestParam(required = false) UUID responsible,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            RedirectAttributes redirect) {
        return step(id, redirect, "actionItem.assigned", () -> meetings.assign(new MeetingId(id),
                decision == null ? null : new DecisionId(decision), title, new OrganisationId(owner),
                responsible == null ? null : new PersonId(responsible), dueOn));
    }

    private String step(UUID id, RedirectAttributes redirect, String success, Runnable action) {
        return FlashSteps.runAndShow(redirect, messages, success, action, "/meetings/" + id);
    }

    private String form(Model model, MeetingDetails details) {
        model.addAttribute("meeting", details);
        model.addAttribute("bodies", bodies.all());
        return "meetings/form";
    }
}
