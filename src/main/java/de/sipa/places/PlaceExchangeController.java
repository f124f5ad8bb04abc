package de.sipa.places;

import java.io.IOException;
import java.util.Base64;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.RuleViolationException;

/** Importing places from GeoJSON: upload, preview with each feature's errors, confirmation. */
@Controller
class PlaceExchangeController {

    private final PlaceExchange exchange;
    private final PlaceAccess access;
    private final MessageSource messages;

    PlaceExchangeController(PlaceExchange exchange, PlaceAccess access, MessageSource messages) {
        this.exchange = exchange;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/orte/import")
    String form(Model model) {
        if (!access.mayEdit()) {
            throw new AccessDeniedException("import");
        }
        model.addAttribute("maxMegabytes", PlaceExchange.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxFeatures", PlaceExchange.MAX_FEATURES);
        return "places/import";
    }

    @PostMapping("/orte/import/preview")
    String preview(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        var content = file.getBytes();
        return show(content, file.getOriginalFilename(), model);
    }

    @PostMapping("/orte/import/confirm")
    String confirm(@RequestParam String content, @RequestParam(defaultValue = "") String fileName, Model model,
            RedirectAttributes redirect) {
        byte[] file;
        try {
            file = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            file = new byte[0];
        }
        try {
            int imported = exchange.confirm(file);
            redirect.addFlashAttribute("success", "places.import.done");
            redirect.addFlashAttribute("imported", imported);
            return "redirect:/orte";
        } catch (RuleViolationException e) {
            model.addAttribute("problem", e.describe(messages));
            return show(file, fileName, model);
        }
    }

    private String show(byte[] content, String fileName, Model model) {
        form(model);
        model.addAttribute("preview", exchange.preview(content));
        model.addAttribute("upload", Base64.getEncoder().encodeToString(content));
        model.addAttribute("fileName", fileName == null ? "" : fileName);
        return "places/import";
    }
}
