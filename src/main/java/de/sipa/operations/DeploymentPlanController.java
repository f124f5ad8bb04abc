package de.sipa.operations;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.identity.CurrentUser;
import de.sipa.operations.PlanEntries.ContactForm;
import de.sipa.operations.PlanEntries.PhaseForm;
import de.sipa.operations.PlanEntries.SectionForm;
import de.sipa.operations.PlanEntries.TaskForm;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.PdfLetterhead;
import de.sipa.shared.RuleViolationException;

/** The Einsatzplan of an event: written and submitted by the coordination, approved by each organisation. */
@Controller
@RequestMapping("/events/{id}/plan")
class DeploymentPlanController {

    private final DeploymentPlans plans;
    private final Events events;
    private final Organisations organisations;
    private final People people;
    private final Partnerships partnerships;
    private final MessageSource messages;
    private final Clock clock;

    DeploymentPlanController(DeploymentPlans plans, Events events, Organisations organisations, People people,
            Partnerships partnerships, MessageSource messages, Clock clock) {
        this.plans = plans;
        this.events = events;
        this.organisations = organisations;
        this.people = people;
        this.partnerships = partnerships;
        this.messages = messages;
        this.clock = clock;
    }

    /** The newest version; the coordination edits it here. */
    @GetMapping
    String current(@PathVariable UUID id, Model model) {
        var event = new EventId(id);
        return page(model, event, plans.current(event).orElse(null), true);
    }

    /** Any version, read only; an approved one stays readable after the next version was started. */
    @GetMapping("/versions/{number}")
    String version(@PathVariable UUID id, @PathVariable int number, Model model) {
        var event = new EventId(id);
        return page(model, event, plans.version(event, number), false);
    }

    /** For the phone during the event: the approved version if there is one, else the newest. */
    @GetMapping("/mobile")
    String mobile(@PathVariable UUID id, Model model) {
        var event = new EventId(id);
        var approved = plans.versions(event).stream().filter(v -> v.status() == PlanStatus.APPROVED)
                .reduce((a, b) -> b);
        var plan = approved.map(v -> plans.version(event, v.number())).or(() -> plans.current(event)).orElse(null);
        OperationNames.addTo(model, organisations, people);
        model.addAttribute("event", events.get(event));
        model.addAttribute("plan", plan);
        return "operations/events/plan-mobile";
    }

    @GetMapping("/versions/{number}/plan.pdf")
    void pdf(@PathVariable UUID id, @PathVariable int number, HttpServletResponse response) throws IOException {
        PdfLetterhead.send(response, "einsatzplan-" + number + ".pdf",
                out -> plans.writePdf(new EventId(id), number, out));
    }

    @PostMapping("/sections")
    @PreAuthorize(OperationPermissions.PLAN)
    String addSection(@PathVariable UUID id, SectionForm form, RedirectAttributes redirect) {
        return step(id, redirect, "plan.saved", () -> plans.addSection(new EventId(id), form));
    }

    @PostMapping("/tasks")
    @PreAuthorize(OperationPermissions.PLAN)
    String addTask(@PathVariable UUID id, TaskForm form, RedirectAttributes redirect) {
        return step(id, redirect, "plan.saved", () -> plans.addTask(new EventId(id), form));
    }

    @PostMapping("/contacts")
    @PreAuthorize(OperationPermissions.PLAN)
    String addContact(@PathVariable UUID id, ContactForm form, RedirectAttributes redirect) {
        return step(id, redirect, "plan.saved", () -> plans.addContact(new EventId(id), form));
    }

    @PostMapping("/phases")
    @PreAuthorize(OperationPermissions.PLAN)
    String addPhase(@PathVariable UUID id, PhaseForm form, RedirectAttributes redirect) {
        return step(id, redirect, "plan.saved", () -> plans.addPhase(new EventId(id), form));
    }

    @PostMapping("/entries/{part}/{entry}/remove")
    @PreAuthorize(OperationPermissions.PLAN)
    String remove(@PathVariable UUID id, @PathVariable PlanPart part, @PathVariable UUID entry,
            RedirectAttributes redirect) {
        return step(id, redirect, "plan.saved", () -> plans.remove(new EventId(id), part, entry));
    }

    @PostMapping("/checklist/{item}")
    @PreAuthorize(OperationPermissions.PLAN)
    String checkOff(@PathVariable UUID id, @PathVariable UUID item, @RequestParam(defaultValue = "false") boolean done,
            RedirectAttributes redirect) {
        return step(id, redirect, "plan.saved", () -> plans.checkOff(new EventId(id), item, done));
    }

    @PostMapping("/submit")
    @PreAuthorize(OperationPermissions.PLAN)
    String submit(@PathVariable UUID id, RedirectAttributes redirect) {
        return step(id, redirect, "plan.submitted", () -> plans.submit(new EventId(id)));
    }

    @PostMapping("/approve")
    @PreAuthorize(OperationPermissions.STAFF)
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        return step(id, redirect, "plan.approvedForOrganisation", () -> plans.approve(new EventId(id)));
    }

    /** A new event with this event's plan and lessons, e.g. next year's Volksfest. */
    @GetMapping("/template")
    @PreAuthorize(OperationPermissions.PLAN)
    String templateForm(@PathVariable UUID id, Model model) {
        var source = events.get(new EventId(id));
        var zone = clock.getZone();
        var start = source.startsAt().atZone(zone).plusYears(1).toLocalDateTime();
        var end = source.endsAt().atZone(zone).plusYears(1).toLocalDateTime();
        var year = String.valueOf(source.startsAt().atZone(zone).getYear());
        var name = source.name().contains(year) ? source.name().replace(year, String.valueOf(start.getYear()))
                : source.name() + " " + start.getYear();
        return templateForm(model, source, new EventDetails(source.type(), name, start, end,
                source.district() == null ? null : source.district().value(), source.area(),
                source.expectedAttendance(), source.riskLevel(), source.riskAssessment()));
    }

    @PostMapping("/template")
    @PreAuthorize(OperationPermissions.PLAN)
    String fromTemplate(@PathVariable UUID id, @Valid @ModelAttribute("event") EventDetails details,
            BindingResult result, Model model, RedirectAttributes redirect) {
        var source = events.get(new EventId(id));
        if (result.hasErrors()) {
            return templateForm(model, source, details);
        }
        try {
            var created = plans.planFromTemplate(source.id(), details);
            redirect.addFlashAttribute("success", "plan.fromTemplate");
            return "redirect:/events/" + created + "/plan";
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return templateForm(model, source, details);
        }
    }

    private String templateForm(Model model, Event source, EventDetails details) {
        model.addAttribute("source", source);
        model.addAttribute("formAction", "/events/" + source.id() + "/plan/template");
        model.addAttribute("heading", "plan.template.title");
        return EventController.form(model, details, partnerships);
    }

    private String page(Model model, EventId event, DeploymentPlan plan, boolean current) {
        model.addAttribute("event", events.get(event));
        model.addAttribute("plan", plan);
        model.addAttribute("current", current);
        model.addAttribute("versions", plans.versions(event));
        model.addAttribute("me", CurrentUser.get());
        model.addAttribute("categories", TaskCategory.values());
        model.addAttribute("zone", clock.getZone());
        OperationNames.addTo(model, organisations, people);
        return "operations/events/plan";
    }

    private String step(UUID id, RedirectAttributes redirect, String success, Runnable action) {
        FlashSteps.run(redirect, messages, success, action);
        return "redirect:/events/" + id + "/plan";
    }
}
