package de.sipa.partners;

import java.io.IOException;
import java.util.Base64;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Upload, preview, confirm. The preview page carries the file back in a hidden field, so nothing is kept on
 * the server between the two steps and any instance can take the confirmation.
 */
@Controller
@RequestMapping("/import")
class ImportController {

    private final PartnerImport partnerImport;

    ImportController(PartnerImport partnerImport) {
        this.partnerImport = partnerImport;
    }

    @GetMapping
    @PreAuthorize(PartnerPermissions.MANAGE)
    String form(Model model) {
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("maxKilobytes", PartnerImport.MAX_BYTES / 1024);
        return "partners/import";
    }

    @PostMapping("/preview")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String preview(@RequestParam ImportKind kind, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        var content = file.getBytes();
        var preview = partnerImport.preview(kind, content);
        model.addAttribute("preview", preview);
        if (preview.importable()) {
            model.addAttribute("upload", Base64.getEncoder().encodeToString(content));
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return form(model);
    }

    @PostMapping("/confirm")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String confirm(@RequestParam ImportKind kind, @RequestParam String content, RedirectAttributes redirect) {
        byte[] file;
        try {
            file = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            file = new byte[0];
        }
        int written = partnerImport.confirm(kind, file);
        redirect.addFlashAttribute("success", "import.done");
        redirect.addFlashAttribute("imported", written);
        return kind == ImportKind.ORGANISATIONS ? "redirect:/organisations" : "redirect:/directory";
    }
}
