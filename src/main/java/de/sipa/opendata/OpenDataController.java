package de.sipa.opendata;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.Partnerships;
import de.sipa.shared.FlashSteps;

/**
 * The coordination's open data page: on or off, the datasets as last generated, regenerate now, and what the catalogue
 * says of its provider.
 */
@Controller
@RequestMapping("/offene-daten")
@PreAuthorize(OpenDataPermissions.MANAGE)
class OpenDataController {

    private final OpenData openData;
    private final Partnerships partnerships;
    private final MessageSource messages;

    OpenDataController(OpenData openData, Partnerships partnerships, MessageSource messages) {
        this.openData = openData;
        this.partnerships = partnerships;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        return page(model, openData.settings());
    }

    /** GovData's contributor id, publisher and contact for the catalogue. */
    @PostMapping("/katalog")
    String saveSettings(@Valid @ModelAttribute("catalogue") CatalogueSettings settings, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(model, settings);
        }
        return FlashSteps.runAndShow(redirect, messages, "openData.settings.saved",
                () -> openData.saveSettings(settings), "/offene-daten");
    }

    private String page(Model model, CatalogueSettings settings) {
        model.addAttribute("catalogue", settings);
        model.addAttribute("enabled", openData.enabled());
        model.addAttribute("datasets", openData.stored());
        model.addAttribute("partnershipSlug", partnerships.mine().slug());
        return "opendata/settings";
    }

    @PostMapping("/schalter")
    String enable(@RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, enabled ? "openData.enabledNow" : "openData.disabledNow",
                () -> openData.enable(enabled), "/offene-daten");
    }

    @PostMapping("/erzeugen")
    String regenerate(RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "openData.regeneratedNow", openData::regenerate,
                "/offene-daten");
    }
}
