package de.sipa.reports;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.identity.CurrentUser;
import de.sipa.partners.District;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/** The work queues, the internal form and a report's page with the steps people take on it. */
@Controller
@RequestMapping("/reports")
class ReportController {

    private static final int PAGE_SIZE = 25;

    private final Reports reports;
    private final Categories categories;
    private final Organisations organisations;
    private final Partnerships partnerships;
    private final MessageSource messages;
    private final ReportDashboard dashboard;
    private final CategorySuggestions suggestions;
    private final Clock clock;
    private final ReportPhotos photos;

    ReportController(Reports reports, Categories categories, Organisations organisations, Partnerships partnerships,
            MessageSource messages, ReportDashboard dashboard, CategorySuggestions suggestions, ReportPhotos photos,
            Clock clock) {
        this.photos = photos;
        this.reports = reports;
        this.categories = categories;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.messages = messages;
        this.dashboard = dashboard;
        this.suggestions = suggestions;
        this.clock = clock;
    }

    /**
     * The work queue as a list (with bulk actions) or a map.
     *
     * @param filter {@code queue} is for the coordinator "coordination" (no responsible organisation), "all", or
     *     an organisation id; partners always see their organisation's queue
     */
    @GetMapping
    String queue(@ModelAttribute("filter") QueueFilter filter, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "list") String view, Model model) {
        var page0 = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
        var found = reports.queue(query(filter), page0);
        model.addAttribute("reports", found);
        model.addAttribute("moreThanCounted", found.moreThanCounted());
        model.addAttribute("queue", selected(filter));
        model.addAttribute("view", view.equals("map") ? "map" : "list");
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("duplicates", CurrentUser.get().coordinates()
                ? reports.withPossibleDuplicates(found.getContent())
                : java.util.Set.of());
        model.addAttribute("handedBack", reports.handedBack(found.getContent().stream().map(Report::id).toList()));
        names(model);
        return "reports/queue";
    }

    /**
     * The reports of the queue with a point, for its map view (exact points: only for logged-in staff); {@code number}
     * is the short reference other pages take (the public number, else the id).
     */
    @GetMapping(path = "/map.json", produces = "application/json")
    @ResponseBody
    java.util.List<Map<String, Object>> queueMap(@ModelAttribute("filter") QueueFilter filter) {
        var categoryNames = categories.all().stream().collect(Collectors.toMap(Category::id, Category::name));
        return reports.queue(query(filter), PageRequest.of(0, 1000)).getContent().stream()
                .filter(r -> r.latitude() != null)
                .map(r -> Map.<String, Object>of("id", r.id().toString(),
                        "number", r.publicId() == null ? r.id().toString() : r.publicId(),
                        "label", (r.publicId() == null ? "–" : r.publicId()) + ": " + categoryNames.get(r.category()),
                        "latitude", r.latitude(), "longitude", r.longitude(), "overdue", r.overdue(clock.instant())))
                .toList();
    }

    /** One step for several reports of the queue; each is done on its own, refusals are listed. */
    @PostMapping("/bulk")
    @PreAuthorize(ReportPermissions.WORK)
    String bulk(@RequestParam(name = "ids", required = false) java.util.List<UUID> ids, @RequestParam String action,
            @RequestParam(required = false) UUID organisation, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        var refused = new java.util.ArrayList<String>();
        int done = 0;
        for (var id : ids == null ? java.util.List.<UUID>of() : ids) {
            var report = new ReportId(id);
            try {
                switch (action) {
                    case "start" -> reports.startWork(report);
                    case "done" -> reports.close(report, ReportStatus.DONE, null);
                    case "reroute" -> {
                        if (organisation == null) {
                            throw new RuleViolationException("report.reroute.organisationRequired");
                        }
                        reports.reroute(report, new OrganisationId(organisation), reason);
                    }
                    default -> throw new RuleViolationException("report.bulk.unknown");
                }
                done++;
            } catch (RuleViolationException e) {
                refused.add(reports.get(report).publicId() + ": " + e.describe(messages));
            }
        }
        redirect.addFlashAttribute("success", "report.bulk.done");
        redirect.addFlashAttribute("imported", done);
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("problem", String.join(" · ", refused));
        }
        return "redirect:/reports";
    }

    private ReportQuery query(QueueFilter filter) {
        var user = CurrentUser.get();
        var selected = selected(filter);
        OrganisationId organisation = null;
        if (selected.equals("informed")) {
            return new ReportQuery(null, false, filter.status(),
                    filter.category() == null ? null : new CategoryId(filter.category()),
                    filter.district() == null ? null : new DistrictId(filter.district()),
                    Boolean.TRUE.equals(filter.overdue()), Boolean.TRUE.equals(filter.closed()), filter.q(), false,
                    user.organisation());
        }
        if (!selected.equals("coordination") && !selected.equals("all") && !selected.equals("mine")) {
            try {
                organisation = organisations.get(new OrganisationId(UUID.fromString(selected))).id();
            } catch (IllegalArgumentException e) {
                throw new de.sipa.shared.NotFoundException("Organisation", selected);
            }
        }
        return new ReportQuery(selected.equals("mine") ? user.organisation() : organisation,
                selected.equals("coordination"), filter.status(),
                filter.category() == null ? null : new CategoryId(filter.category()),
                filter.district() == null ? null : new DistrictId(filter.district()),
                Boolean.TRUE.equals(filter.overdue()), Boolean.TRUE.equals(filter.closed()), filter.q(),
                Boolean.TRUE.equals(filter.handedBack()), null);
    }

    private static String selected(QueueFilter filter) {
        return filter.queue() == null || filter.queue().isBlank()
                ? (CurrentUser.get().coordinates() ? "coordination" : "mine") : filter.queue();
    }

    /** The coordinator's figures, for a period (default: the last 30 days). */
    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model,
            RedirectAttributes redirect) {
        var end = to == null ? LocalDate.now(clock) : to;
        var start = from == null ? end.minusDays(29) : from;
        try {
            model.addAttribute("statistics", dashboard.statistics(start, end));
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            return "redirect:/reports/dashboard";
        }
        names(model);
        return "reports/dashboard";
    }

    /** The coordinator's checks: reports of moderated categories, and citizens' texts before they go public. */
    @GetMapping("/moderation")
    String moderation(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int waitingPage,
            Model model) {
        model.addAttribute("waiting", reports.inModeration(PageRequest.of(Math.max(waitingPage, 0), PAGE_SIZE)));
        var texts = reports.pendingText(PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("texts", texts);
        model.addAttribute("photos", photos.idsOf(texts.map(Report::id).toList()));
        names(model);
        return "reports/moderation";
    }

    @PostMapping("/{id}/text")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String moderateText(@PathVariable UUID id, @RequestParam boolean publish,
            @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, publish ? "report.text.published" : "report.text.hidden",
                () -> reports.moderateText(new ReportId(id), publish));
        return "redirect:/reports/moderation" + (page > 0 ? "?page=" + page : "");
    }

    @GetMapping("/new")
    @PreAuthorize(ReportPermissions.FILE)
    String createForm(@RequestParam(required = false) UUID category, Model model) {
        return form(model, ReportForm.empty(category));
    }

    @PostMapping
    @PreAuthorize(ReportPermissions.FILE)
    String submit(@Valid @ModelAttribute("report") ReportForm form, BindingResult result,
            @RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
            RedirectAttributes redirect) throws IOException {
        if (result.hasErrors()) {
            return form(model, form);
        }
        try {
            var receipt = reports.submit(form.toReport(CurrentUser.partnership(), ReportSource.PARTNER),
                    photo == null ? null : photo.getBytes());
            redirect.addFlashAttribute("success", "report.received");
            return "redirect:/reports/" + receipt.report();
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, form);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var report = reports.get(new ReportId(id));
        model.addAttribute("report", report);
        model.addAttribute("history", reports.history(report.id()));
        model.addAttribute("category", categories.get(report.category()));
        model.addAttribute("mayWork", CurrentUser.get().coordinates() || CurrentUser.get().belongsTo(report.assignee()));
        model.addAttribute("duplicates", CurrentUser.get().coordinates() ? reports.possibleDuplicates(report.id())
                : java.util.List.of());
        model.addAttribute("suggestions", CurrentUser.get().coordinates() && !report.status().closed()
                ? suggestions.suggest(CurrentUser.partnership(), report.description(), 3).stream()
                        .filter(s -> !s.category().id().equals(report.category())).toList()
                : java.util.List.of());
        model.addAttribute("photos", photos.idsOf(List.of(report.id())).getOrDefault(report.id(), List.of()));
        names(model);
        return "reports/detail";
    }

    /** A report's photo for those who may see the report; never cached by shared caches. */
    @GetMapping("/{id}/photos/{photo}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photo) {
        var report = reports.get(new ReportId(id));
        var found = photos.photo(report.id(), photo).orElseThrow(() -> new NotFoundException("Photo", photo));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(found.contentType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff").body(found.data());
    }

    @PostMapping("/{id}/start")
    @PreAuthorize(ReportPermissions.WORK)
    String start(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "report.started", () -> reports.startWork(new ReportId(id)));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(ReportPermissions.WORK)
    String close(@PathVariable UUID id, @RequestParam ReportStatus outcome,
            @RequestParam(defaultValue = "") String publicNote, RedirectAttributes redirect) {
        return act(id, redirect, "report.closed", () -> reports.close(new ReportId(id), outcome, publicNote));
    }

    @PostMapping("/{id}/comment")
    String comment(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        return act(id, redirect, "report.commented", () -> reports.comment(new ReportId(id), text));
    }

    @PostMapping("/{id}/hand-back")
    @PreAuthorize(ReportPermissions.WORK)
    String handBack(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        var done = FlashSteps.run(redirect, messages, "report.handedBack", () -> reports.handBack(new ReportId(id), reason));
        return done ? "redirect:/reports" : "redirect:/reports/" + id;
    }

    @PostMapping("/{id}/reroute")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String reroute(@PathVariable UUID id, @RequestParam UUID organisation,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(id, redirect, "report.rerouted",
                () -> reports.reroute(new ReportId(id), new OrganisationId(organisation), reason));
    }

    @PostMapping("/{id}/recategorise")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String recategorise(@PathVariable UUID id, @RequestParam UUID category,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(id, redirect, "report.recategorised",
                () -> reports.recategorise(new ReportId(id), new CategoryId(category), reason));
    }

    @PostMapping("/{id}/district")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String confirmDistrict(@PathVariable UUID id, @RequestParam UUID district, RedirectAttributes redirect) {
        return act(id, redirect, "report.districtConfirmed",
                () -> reports.confirmDistrict(new ReportId(id), new DistrictId(district)));
    }

    /** Merges a duplicate into this report. */
    @PostMapping("/{id}/merge")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String merge(@PathVariable UUID id, @RequestParam UUID duplicate, RedirectAttributes redirect) {
        return act(id, redirect, "report.merged", () -> reports.merge(new ReportId(duplicate), new ReportId(id)));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "report.approved", () -> reports.approve(new ReportId(id)));
    }

    private String act(UUID id, RedirectAttributes redirect, String success, Runnable step) {
        return FlashSteps.runAndShow(redirect, messages, success, step, "/reports/" + id);
    }

    private String form(Model model, ReportForm form) {
        model.addAttribute("report", form);
        model.addAttribute("categories", categories.all().stream().filter(Category::active).toList());
        model.addAttribute("districts", partnerships.districts());
        return "reports/form";
    }

    private void names(Model model) {
        model.addAttribute("categoryNames", categories.all().stream()
                .collect(Collectors.toMap(Category::id, Category::name)));
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("organisationNames", organisations.all().stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::name)));
        model.addAttribute("districts", partnerships.districts());
        model.addAttribute("districtNames", partnerships.districts().stream()
                .collect(Collectors.toMap(District::id, District::name)));
        model.addAttribute("categoryList", categories.all());
    }
}
