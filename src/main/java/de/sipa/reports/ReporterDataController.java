package de.sipa.reports;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.RuleViolationException;

/**
 * Information and deletion for a reporter's e-mail address. The address travels in the body of POST requests only,
 * so that it appears in no URL, browser history or access log.
 */
@Controller
@RequestMapping("/reports/privacy")
class ReporterDataController {

    private final ReporterData reporterData;
    private final MessageSource messages;

    ReporterDataController(ReporterData reporterData, MessageSource messages) {
        this.reporterData = reporterData;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(ReportPermissions.COORDINATE)
    String form() {
        return "reports/privacy";
    }

    @PostMapping
    @PreAuthorize(ReportPermissions.COORDINATE)
    String lookUp(@RequestParam(defaultValue = "") String email, Model model) {
        model.addAttribute("email", email);
        try {
            model.addAttribute("disclosure", reporterData.disclose(email, false));
        } catch (RuleViolationException e) {
            model.addAttribute("problem", e.describe(messages));
        }
        return "reports/privacy";
    }

    @PostMapping("/export")
    @PreAuthorize(ReportPermissions.COORDINATE)
    ResponseEntity<ReporterData.Disclosure> export(@RequestParam(defaultValue = "") String email) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"auskunft-anliegen.json\"")
                .body(reporterData.disclose(email, true));
    }

    @PostMapping("/erase")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String erase(@RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("erasure", reporterData.erase(email));
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
        }
        return "redirect:/reports/privacy";
    }
}
