package de.sipa.situation;

import java.io.IOException;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.RuleViolationException;

/** The import of the police's incidents with places: upload, mapping and preview, confirmation. */
@Controller
@RequestMapping("/lagebild/vorfaelle/import")
@PreAuthorize(CrimeFigurePermissions.READ_DISTRICTS)
class IncidentController {

    private final PoliceIncidents incidents;
    private final MessageSource messages;

    IncidentController(PoliceIncidents incidents, MessageSource messages) {
        this.incidents = incidents;
        this.messages = messages;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("sampleHeader", PoliceIncidents.sampleHeader());
        model.addAttribute("maxMegabytes", PoliceIncidents.MAX_BYTES / 1024 / 1024);
        model.addAttribute("columns", IncidentColumn.values());
        return "situation/incidents-import";
    }

    @PostMapping("/preview")
    String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        var content = file.getBytes();
        return showPreview(content, incidents.preview(content, IncidentMapping.guess()), file.getOriginalFilename(),
                model);
    }

    @PostMapping("/check")
    String check(@RequestParam String content, @RequestParam(defaultValue = "") String fileName,
            @RequestParam MultiValueMap<String, String> params, Model model) {
        var file = de.sipa.shared.ImportColumns.decode(content);
        return showPreview(file, incidents.preview(file, mapping(params)), fileName, model);
    }

    @PostMapping("/confirm")
    String confirm(@RequestParam String content, @RequestParam(defaultValue = "") String fileName,
            @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        var file = de.sipa.shared.ImportColumns.decode(content);
        var mapping = mapping(params);
        var preview = incidents.preview(file, mapping);
        int stored;
        try {
            stored = incidents.confirm(file, mapping);
        } catch (RuleViolationException e) {
            model.addAttribute("problem", e.describe(messages));
            return showPreview(file, preview, fileName, model);
        }
        redirect.addFlashAttribute("success", "incidents.import.done");
        redirect.addFlashAttribute("imported", stored);
        return "redirect:/lagebild/hotspots?source=INCIDENTS&from=" + preview.from() + "&to=" + preview.to();
    }

    private String showPreview(byte[] content, IncidentPreview preview, String fileName, Model model) {
        form(model);
        model.addAttribute("preview", preview);
        model.addAttribute("upload", de.sipa.shared.ImportColumns.encode(content));
        model.addAttribute("fileName", fileName);
        return "situation/incidents-import";
    }

    private static IncidentMapping mapping(MultiValueMap<String, String> params) {
        return new IncidentMapping(ImportColumns.fromForm(IncidentColumn.class, params));
    }
}
