package de.sipa.partners;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.FederalState;
import de.sipa.shared.RuleViolationException;

@Controller
@RequestMapping("/admin/partnerships")
class PartnershipAdminController {

    private final Partnerships partnerships;

    PartnershipAdminController(Partnerships partnerships) {
        this.partnerships = partnerships;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("partnerships", partnerships.all());
        return "partners/admin/list";
    }

    @GetMapping("/new")
    @PreAuthorize(PartnerPermissions.ADMINISTER)
    String createForm(Model model) {
        model.addAttribute("partnership", NewPartnership.empty());
        return "partners/admin/form";
    }

    @ModelAttribute("federalStates")
    FederalState[] federalStates() {
        return FederalState.values();
    }

    @PostMapping
    @PreAuthorize(PartnerPermissions.ADMINISTER)
    String create(@Valid @ModelAttribute("partnership") NewPartnership partnership, BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "partners/admin/form";
        }
        try {
            partnerships.create(partnership);
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return "partners/admin/form";
        }
        redirect.addFlashAttribute("success", "partnership.created");
        return "redirect:/admin/partnerships";
    }
}
