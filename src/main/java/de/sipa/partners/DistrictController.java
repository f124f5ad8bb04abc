package de.sipa.partners;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.RuleViolationException;

@Controller
@RequestMapping("/districts")
class DistrictController {

    private final Partnerships partnerships;

    DistrictController(Partnerships partnerships) {
        this.partnerships = partnerships;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("districts", partnerships.districts());
        return "partners/districts/list";
    }

    @PostMapping
    @PreAuthorize(PartnerPermissions.MANAGE)
    String add(@RequestParam String name, RedirectAttributes redirect) {
        partnerships.addDistrict(name);
        redirect.addFlashAttribute("success", "district.created");
        return "redirect:/districts";
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var district = partnerships.district(new DistrictId(id));
        model.addAttribute("district", district);
        model.addAttribute("boundary", district.boundary());
        return "partners/districts/detail";
    }

    @PostMapping("/{id}/boundary")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String drawBoundary(@PathVariable UUID id, @RequestParam(defaultValue = "") String boundary, Model model,
            RedirectAttributes redirect) {
        var districtId = new DistrictId(id);
        try {
            partnerships.drawBoundary(districtId, boundary);
        } catch (RuleViolationException e) {
            model.addAttribute("district", partnerships.district(districtId));
            model.addAttribute("boundary", boundary);
            model.addAttribute("boundaryError", e);
            return "partners/districts/detail";
        }
        redirect.addFlashAttribute("success", "district.boundary.saved");
        return "redirect:/districts/" + id;
    }
}
