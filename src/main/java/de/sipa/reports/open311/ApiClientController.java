package de.sipa.reports.open311;

import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.reports.ReportPermissions;
import de.sipa.shared.RuleViolationException;

/** The coordinator's page of Open311 clients: open one (its key is shown once), block one. */
@Controller
class ApiClientController {

    private final ApiClients clients;
    private final MessageSource messages;

    ApiClientController(ApiClients clients, MessageSource messages) {
        this.clients = clients;
        this.messages = messages;
    }

    @GetMapping("/api-clients")
    String list(Model model) {
        model.addAttribute("clients", clients.all());
        return "reports/api-clients";
    }

    @PostMapping("/api-clients")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String open(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            var opened = clients.open(name);
            redirect.addFlashAttribute("newKey", opened.key());
            redirect.addFlashAttribute("newClient", opened.client());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.describe(messages));
        }
        return "redirect:/api-clients";
    }

    @PostMapping("/api-clients/{id}/deactivate")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        clients.deactivate(id);
        redirect.addFlashAttribute("success", "apiClients.deactivated");
        return "redirect:/api-clients";
    }
}
