package de.sipa.partners;

import java.io.IOException;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.FederalState;
import de.sipa.shared.FlashSteps;

/**
 * The coordinator's page of the own partnership: its name, its public address, its Land (whose public holidays count)
 * and the logo of its letterhead.
 */
@Controller
@RequestMapping("/partnership")
class PartnershipController {

    private final Partnerships partnerships;
    private final MessageSource messages;

    PartnershipController(Partnerships partnerships, MessageSource messages) {
        this.partnerships = partnerships;
        this.messages = messages;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("partnership", partnerships.mine());
        model.addAttribute("hasLogo", partnerships.logo().isPresent());
        model.addAttribute("logoMaxMegabytes", Partnerships.LOGO_MAX_BYTES / (1024 * 1024));
        model.addAttribute("federalStates", FederalState.values());
        return "partners/partnership";
    }

    @PostMapping("/federal-state")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String changeFederalState(@RequestParam(required = false) FederalState federalState, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "partnership.federalState.saved",
                () -> partnerships.changeFederalState(federalState));
        return "redirect:/partnership";
    }

    @GetMapping("/logo")
    ResponseEntity<byte[]> logo() {
        return partnerships.logo()
                .map(logo -> ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.contentType()))
                        .cacheControl(CacheControl.noCache()).body(logo.data()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/logo")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String uploadLogo(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        var content = file.getBytes();
        FlashSteps.run(redirect, messages, "partnership.logo.saved", () -> partnerships.uploadLogo(content));
        return "redirect:/partnership";
    }

    @PostMapping("/logo/delete")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String removeLogo(RedirectAttributes redirect) {
        partnerships.removeLogo();
        redirect.addFlashAttribute("success", "partnership.logo.removed");
        return "redirect:/partnership";
    }
}
