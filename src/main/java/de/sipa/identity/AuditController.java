package de.sipa.identity;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail auditTrail;

    AuditController(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @GetMapping("/audit")
    String entries(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("entries", auditTrail.entries(q, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "identity/audit";
    }

    @GetMapping("/audit/chain")
    String chain(Model model) {
        model.addAttribute("chain", auditTrail.checkChain());
        return "identity/audit-chain";
    }
}
