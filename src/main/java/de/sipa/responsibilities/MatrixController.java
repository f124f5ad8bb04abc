package de.sipa.responsibilities;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
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

import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.shared.CsvDownload;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

@Controller
@RequestMapping("/matrix")
class MatrixController {

    private final Responsibilities responsibilities;
    private final Organisations organisations;
    private final Partnerships partnerships;
    private final MessageSource messages;
    private final Clock clock;

    MatrixController(Responsibilities responsibilities, Organisations organisations, Partnerships partnerships,
            MessageSource messages, Clock clock) {
        this.responsibilities = responsibilities;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.messages = messages;
        this.clock = clock;
    }

    /** The topic × organisation grid, for one district and as of a past day if asked. */
    @GetMapping
    String grid(@RequestParam(required = false) UUID district,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        var districtId = district == null ? null : partnerships.district(new DistrictId(district)).id();
        var matrix = asOf == null ? responsibilities.matrix()
                : responsibilities.matrixAsOf(asOf.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusMillis(1));
        model.addAttribute("grid", MatrixGrid.of(matrix, organisations.all(), districtId, asOf == null
                ? responsibilities.findings() : List.of()));
        model.addAttribute("districts", partnerships.districts());
        model.addAttribute("district", district);
        model.addAttribute("asOf", asOf);
        return "responsibilities/grid";
    }

    /** What one organisation is responsible for. */
    @GetMapping("/organisations/{id}")
    String organisation(@PathVariable UUID id, Model model) {
        var organisation = organisations.get(new OrganisationId(id));
        var matrix = responsibilities.matrix();
        model.addAttribute("organisation", organisation);
        var topicNames = matrix.topics().stream().collect(Collectors.toMap(Topic::id, Topic::name));
        model.addAttribute("entries", matrix.entries().stream()
                .filter(e -> e.organisation().equals(organisation.id()))
                .sorted(Comparator.comparing(MatrixEntry::responsibility)
                        .thenComparing(e -> topicNames.get(e.topic())))
                .toList());
        MatrixNames.addTo(model, matrix, organisations.all());
        return "responsibilities/organisation";
    }

    @GetMapping("/export.csv")
    void csv(HttpServletResponse response) throws IOException {
        CsvDownload.send(response, "zustaendigkeitsmatrix.csv", responsibilities::exportCsv);
    }

    @GetMapping("/export.pdf")
    void pdf(HttpServletResponse response) throws IOException {
        response.setContentType("application/pdf");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"zustaendigkeitsmatrix.pdf\"");
        responsibilities.exportPdf(response.getOutputStream());
    }

    @GetMapping("/import")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String importForm() {
        return "responsibilities/import";
    }

    @PostMapping("/import/preview")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String importPreview(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        var content = file.getBytes();
        var preview = responsibilities.previewImport(content);
        model.addAttribute("preview", preview);
        model.addAttribute("fileName", file.getOriginalFilename());
        if (preview.importable()) {
            model.addAttribute("upload", Base64.getEncoder().encodeToString(content));
        }
        return "responsibilities/import";
    }

    @PostMapping("/import/confirm")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String importConfirm(@RequestParam String content, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        byte[] file;
        try {
            file = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            file = new byte[0];
        }
        try {
            redirect.addFlashAttribute("imported", responsibilities.confirmImport(file, reason));
            redirect.addFlashAttribute("success", "import.done");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            return "redirect:/matrix/import";
        }
        return "redirect:/matrix";
    }

    @GetMapping("/findings")
    String findings(Model model) {
        var matrix = responsibilities.matrix();
        var findings = responsibilities.findings();
        var counts = new EnumMap<FindingKind, Long>(FindingKind.class);
        for (var kind : FindingKind.values()) {
            counts.put(kind, findings.stream().filter(f -> f.kind() == kind).count());
        }
        model.addAttribute("findings", findings);
        model.addAttribute("counts", counts);
        MatrixNames.addTo(model, matrix, organisations.all());
        return "responsibilities/findings";
    }

    @GetMapping("/history")
    String history(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("changes", responsibilities.history(PageRequest.of(Math.max(page, 0), 25)));
        return "responsibilities/history";
    }

    @GetMapping("/history/{change}")
    String change(@PathVariable long change, Model model) {
        model.addAttribute("change", change);
        model.addAttribute("details", responsibilities.changeDetails(change));
        MatrixNames.addTo(model, responsibilities.matrix(), organisations.all());
        return "responsibilities/change";
    }

    @GetMapping("/entries/new")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String newEntry(@RequestParam UUID topic, @RequestParam(required = false) UUID organisation, Model model) {
        return entryForm(model, EntryDetails.forTopic(responsibilities.topic(new TopicId(topic)).id().value(),
                organisation), null);
    }

    @PostMapping("/entries")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String assign(@Valid @ModelAttribute("entry") EntryDetails details, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return entryForm(model, details, null);
        }
        try {
            responsibilities.assign(details);
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return entryForm(model, details, null);
        }
        redirect.addFlashAttribute("success", "entry.created");
        return "redirect:/topics/" + details.topicId();
    }

    @GetMapping("/entries/{id}/edit")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String editEntry(@PathVariable UUID id, Model model) {
        var entry = responsibilities.currentEntry(new EntryId(id));
        return entryForm(model, entry.details(""), entry.id());
    }

    @PostMapping("/entries/{id}")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String change(@PathVariable UUID id, @Valid @ModelAttribute("entry") EntryDetails details, BindingResult result,
            Model model, RedirectAttributes redirect) {
        var entryId = new EntryId(id);
        if (result.hasErrors()) {
            return entryForm(model, details, entryId);
        }
        try {
            responsibilities.change(entryId, details);
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return entryForm(model, details, entryId);
        }
        redirect.addFlashAttribute("success", "entry.updated");
        return "redirect:/topics/" + details.topicId();
    }

    @PostMapping("/entries/{id}/remove")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String remove(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        var entry = responsibilities.currentEntry(new EntryId(id));
        responsibilities.remove(entry.id(), reason);
        redirect.addFlashAttribute("success", "entry.removed");
        return "redirect:/topics/" + entry.topic();
    }

    private String entryForm(Model model, EntryDetails details, EntryId id) {
        if (details.topicId() == null) {
            // The form is opened from a topic and sends it along; without one there is no form to show again.
            throw new RuleViolationException("entry.topic.missing");
        }
        model.addAttribute("entry", details);
        model.addAttribute("entryId", id);
        model.addAttribute("topic", responsibilities.topic(new TopicId(details.topicId())));
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("districts", partnerships.districts());
        model.addAttribute("timeWindows", responsibilities.timeWindows());
        model.addAttribute("responsibilities", Responsibility.values());
        return "responsibilities/entry-form";
    }
}
