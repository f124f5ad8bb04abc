package de.sipa.prevention;

import java.text.Collator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;


import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.District;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.places.Place;
import de.sipa.places.PlaceId;
import de.sipa.places.Places;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/** The list of prevention projects with its filters, a project's page, the project form, its status and copies. */
@Controller
class ProjectController {

    static final int PAGE_SIZE = 20;
    private static final List<String> SORTS = List.of("title", "field", "status", "start", "completeness");

    private final PreventionProjects projects;
    private final Indicators indicators;
    private final Partnerships partnerships;
    private final Organisations organisations;
    private final Places places;
    private final PreventionAccess access;
    private final ProjectPage page;
    private final MessageSource messages;

    ProjectController(PreventionProjects projects, Indicators indicators, Partnerships partnerships,
            Organisations organisations, Places places, PreventionAccess access, ProjectPage page,
            MessageSource messages) {
        this.projects = projects;
        this.indicators = indicators;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.places = places;
        this.access = access;
        this.page = page;
        this.messages = messages;
    }

    /** One line of the list, with the names it shows. */
    record ProjectRow(PreventionProject project, String lead, String districts) {
    }

    /** The list's filters as the page sends them; an empty one filters nothing. */
    record ProjectFilter(String q, PreventionField field, TargetGroup group, UUID district, ProjectStatus status,
            String evaluated, EvidenceLevel evidence) {

        boolean matches(ProjectRow row) {
            var p = row.project();
            if (q != null && !q.isBlank()) {
                String haystack = (p.title() + " " + p.summary() + " " + row.lead() + " " + row.districts() + " "
                        + p.evidence().programme() + " " + p.contactPerson()).toLowerCase(Locale.ROOT);
                if (!haystack.contains(q.strip().toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            return (field == null || p.field() == field) && (group == null || p.targetGroups().contains(group))
                    && (district == null || p.districts().contains(new DistrictId(district)))
                    && (status == null || p.status() == status)
                    && (evaluated == null || evaluated.isBlank() || p.evaluated() == "yes".equals(evaluated))
                    && (evidence == null || p.evidence().level() == evidence);
        }
    }

    @ModelAttribute("mayEditProjects")
    boolean mayEditProjects() {
        return access.mayEdit();
    }

    @ModelAttribute("mayReviewProjects")
    boolean mayReviewProjects() {
        return access.mayReview();
    }

    @GetMapping("/praevention")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) PreventionField field,
            @RequestParam(required = false) TargetGroup group, @RequestParam(required = false) UUID district,
            @RequestParam(required = false) ProjectStatus status, @RequestParam(defaultValue = "") String evaluated,
            @RequestParam(required = false) EvidenceLevel evidence, @RequestParam(defaultValue = "title") String sort,
            @RequestParam(defaultValue = "false") boolean desc, @RequestParam(defaultValue = "0") int page,
            Model model) {
        var all = projects.projects();
        var filter = new ProjectFilter(q, field, group, district, status, evaluated, evidence);
        var rows = rows(all).stream().filter(filter::matches).toList();
        String by = SORTS.contains(sort) ? sort : "title";
        var collator = Collator.getInstance(Locale.GERMAN);
        Comparator<ProjectRow> byTitle = Comparator.comparing(r -> r.project().title(), collator);
        Comparator<ProjectRow> order = switch (by) {
            case "field" -> Comparator.comparing(r -> r.project().field());
            case "status" -> Comparator.comparing(r -> r.project().status());
            case "start" -> Comparator.comparing(r -> r.project().startsOn(), Comparator.nullsLast(
                    desc ? Comparator.<LocalDate>reverseOrder() : Comparator.<LocalDate>naturalOrder()));
            case "completeness" -> Comparator.comparingInt(r -> r.project().completeness());
            default -> byTitle;
        };
        // projects without a start stay at the end either way
        order = desc && !by.equals("start") ? order.reversed() : order;
        var sorted = rows.stream().sorted(order.thenComparing(byTitle)).toList();
        int number = Math.max(0, Math.min(page, Math.max(0, (sorted.size() - 1) / PAGE_SIZE)));
        var content = sorted.subList(number * PAGE_SIZE, Math.min(sorted.size(), (number + 1) * PAGE_SIZE));
        model.addAttribute("results", new PageImpl<>(content, PageRequest.of(number, PAGE_SIZE), sorted.size()));
        model.addAttribute("total", all.size());
        model.addAttribute("filter", filter);
        model.addAttribute("sort", by);
        model.addAttribute("desc", desc);
        model.addAttribute("fields", PreventionField.values());
        model.addAttribute("groups", TargetGroup.values());
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("levels", EvidenceLevel.values());
        model.addAttribute("districts", partnerships.districts());
        return "prevention/list";
    }

    /** How many projects per field, district and target group: where nothing is done yet. */
    @GetMapping("/praevention/portfolio")
    String portfolio(Model model) {
        var all = projects.projects().stream().filter(p -> p.status() != ProjectStatus.STOPPED).toList();
        var byField = new java.util.LinkedHashMap<PreventionField, Long>();
        for (var f : PreventionField.values()) {
            byField.put(f, all.stream().filter(p -> p.field() == f).count());
        }
        var byGroup = new java.util.LinkedHashMap<TargetGroup, Long>();
        for (var g : TargetGroup.values()) {
            byGroup.put(g, all.stream().filter(p -> p.targetGroups().contains(g)).count());
        }
        var byDistrict = new java.util.LinkedHashMap<District, Long>();
        var matrix = new java.util.LinkedHashMap<District, Map<PreventionField, Long>>();
        for (var d : partnerships.districts()) {
            byDistrict.put(d, all.stream().filter(p -> p.districts().contains(d.id())).count());
            var perField = new HashMap<PreventionField, Long>();
            for (var f : PreventionField.values()) {
                perField.put(f, all.stream().filter(p -> p.field() == f && p.districts().contains(d.id())).count());
            }
            matrix.put(d, perField);
        }
        model.addAttribute("count", all.size());
        model.addAttribute("byField", byField);
        model.addAttribute("byGroup", byGroup);
        model.addAttribute("byDistrict", byDistrict);
        model.addAttribute("matrix", matrix);
        model.addAttribute("fields", PreventionField.values());
        return "prevention/portfolio";
    }

    @GetMapping("/praevention/neu")
    @PreAuthorize(PreventionPermissions.EDIT)
    String newProject(Model model) {
        return form(model, null, ProjectForm.empty());
    }

    @PostMapping("/praevention/neu")
    @PreAuthorize(PreventionPermissions.EDIT)
    String create(@ModelAttribute("project") ProjectForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (form == null) {
            return form(model, null, null);
        }
        var draft = draft(form, result);
        if (draft == null) {
            return form(model, null, form);
        }
        try {
            var id = projects.create(draft, form.status());
            redirect.addFlashAttribute("success", "prevention.saved");
            return "redirect:/praevention/" + id;
        } catch (RuleViolationException e) {
            reject(result, e);
            return form(model, null, form);
        }
    }

    @GetMapping("/praevention/{id}")
    String project(@PathVariable UUID id, Model model) {
        page.fill(model, projects.project(new ProjectId(id)));
        return "prevention/project";
    }

    @GetMapping("/praevention/{id}/bearbeiten")
    @PreAuthorize(PreventionPermissions.EDIT)
    String edit(@PathVariable UUID id, Model model) {
        var project = projects.project(new ProjectId(id));
        return form(model, project, ProjectForm.of(project));
    }

    @PostMapping("/praevention/{id}/bearbeiten")
    @PreAuthorize(PreventionPermissions.EDIT)
    String change(@PathVariable UUID id, @ModelAttribute("project") ProjectForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        var project = projects.project(new ProjectId(id));
        if (form == null) {
            return form(model, project, null);
        }
        var draft = draft(form, result);
        if (draft == null) {
            return form(model, project, form);
        }
        try {
            projects.change(project.id(), draft, form.status());
            redirect.addFlashAttribute("success", "prevention.saved");
            return "redirect:/praevention/" + id;
        } catch (RuleViolationException e) {
            reject(result, e);
            return form(model, project, form);
        }
    }

    @PostMapping("/praevention/{id}/status")
    @PreAuthorize(PreventionPermissions.EDIT)
    String status(@PathVariable UUID id, @RequestParam ProjectStatus status, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "prevention.statusChanged",
                () -> projects.changeStatus(new ProjectId(id), status), "/praevention/" + id);
    }

    /** Shows the project on the partnership's public pages or takes it off them. */
    @PostMapping("/praevention/{id}/veroeffentlichen")
    @PreAuthorize(PreventionPermissions.REVIEW)
    String publish(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean published,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, published ? "prevention.published" : "prevention.unpublished",
                () -> projects.publish(new ProjectId(id), published), "/praevention/" + id);
    }

    /** A copy as template for another district or year. */
    @PostMapping("/praevention/{id}/kopieren")
    @PreAuthorize(PreventionPermissions.EDIT)
    String copy(@PathVariable UUID id, @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) List<UUID> districtIds, @RequestParam(defaultValue = "") String startsOn,
            @RequestParam(defaultValue = "") String endsOn, RedirectAttributes redirect) {
        var created = new ProjectId[1];
        boolean done = FlashSteps.run(redirect, messages, "prevention.copied", () -> created[0] = projects.copy(
                new ProjectId(id), title,
                districtIds == null ? List.of() : districtIds.stream().map(DistrictId::new).toList(),
                date(startsOn, "prevention.period.start.invalid"), date(endsOn, "prevention.period.end.invalid")),
                FlashSteps.typed("copyTitle", title, "copyStartsOn", startsOn, "copyEndsOn", endsOn));
        return "redirect:/praevention/" + (done ? created[0] : id);
    }

    private String form(Model model, PreventionProject project, ProjectForm form) {
        if (form == null) {
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "project");
        }
        model.addAttribute("project", form == null ? ProjectForm.empty() : form);
        model.addAttribute("existing", project);
        model.addAttribute("districts", partnerships.districts());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("places", places.places());
        model.addAttribute("fields", PreventionField.values());
        model.addAttribute("groups", TargetGroup.values());
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("levels", EvidenceLevel.values());
        return "prevention/form";
    }

    /** The draft of a form, or {@code null} with each error next to its field (all at once). */
    private static ProjectDraft draft(ProjectForm form, BindingResult result) {
        if (form.title() == null || form.title().isBlank() || form.title().strip().length() > PreventionProjects.MAX_TEXT) {
            result.rejectValue("title", "prevention.title.invalid");
        }
        if (form.field() == null && !result.hasFieldErrors("field")) {
            result.rejectValue("field", "prevention.field.required");
        }
        LocalDate starts = null;
        LocalDate ends = null;
        try {
            starts = date(form.startsOn(), "prevention.period.start.invalid");
        } catch (RuleViolationException e) {
            result.rejectValue("startsOn", e.messageKey());
        }
        try {
            ends = date(form.endsOn(), "prevention.period.end.invalid");
        } catch (RuleViolationException e) {
            result.rejectValue("endsOn", e.messageKey());
        }
        if (starts != null && ends != null && ends.isBefore(starts)) {
            result.rejectValue("endsOn", "prevention.period.invalid");
        }
        var funding = new ArrayList<Funding>();
        for (int line : form.fundingLines()) {
            if (!form.used(line)) {
                continue;
            }
            try {
                var amount = form.parsedAmount(line);
                if (amount == null || amount.signum() < 0) {
                    result.reject("prevention.funding.amount", new Object[] {form.source(line)}, null);
                } else if (form.source(line).isBlank()) {
                    result.reject("prevention.funding.source");
                } else {
                    funding.add(new Funding(form.source(line), amount));
                }
            } catch (NumberFormatException e) {
                result.reject("prevention.funding.amount", new Object[] {form.source(line)}, null);
            }
        }
        if (result.hasErrors()) {
            return null;
        }
        return new ProjectDraft(form.title(), form.leadId() == null ? null : new OrganisationId(form.leadId()),
                form.partnerIds().stream().distinct().map(OrganisationId::new).toList(), form.field(),
                new LinkedHashSet<>(form.targetGroups()), form.summary(),
                form.districtIds().stream().distinct().map(DistrictId::new).toList(),
                form.placeIds().stream().distinct().map(PlaceId::new).toList(), starts, ends, funding,
                form.contactPerson(),
                new Evidence(form.programme(), form.programmeUrl(), form.registry(),
                        form.evidenceLevel() == null ? EvidenceLevel.NONE : form.evidenceLevel()));
    }

    private static LocalDate date(String text, String key) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolationException(key);
        }
    }

    /** A refusal next to the field it concerns, else above the form. */
    private static void reject(BindingResult result, RuleViolationException e) {
        String key = e.messageKey();
        String field = key.startsWith("prevention.title.") ? "title"
                : key.startsWith("prevention.field.") ? "field"
                : key.equals("prevention.period.invalid") ? "endsOn"
                : key.startsWith("prevention.evidence.url") ? "programmeUrl"
                : key.startsWith("prevention.contact.") ? "contactPerson"
                : key.startsWith("prevention.status.") ? "status" : null;
        if (field == null) {
            result.reject(key, e.arguments(), null);
        } else {
            result.rejectValue(field, key, e.arguments(), null);
        }
    }

    List<ProjectRow> rows(List<PreventionProject> all) {
        var districts = new HashMap<DistrictId, String>();
        for (District d : partnerships.districts()) {
            districts.put(d.id(), d.name());
        }
        var names = new HashMap<OrganisationId, String>();
        for (Organisation o : organisations.all()) {
            names.put(o.id(), o.name());
        }
        return all.stream().map(p -> new ProjectRow(p, p.lead() == null ? "" : names.getOrDefault(p.lead(), ""),
                String.join(", ", p.districts().stream().map(d -> districts.getOrDefault(d, "")).toList())))
                .toList();
    }

    static List<Place> placesOf(PreventionProject project, List<Place> all) {
        return all.stream().filter(p -> project.places().contains(p.id())).toList();
    }
}
