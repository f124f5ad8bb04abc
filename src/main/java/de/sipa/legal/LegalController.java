package de.sipa.legal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.Partnerships;
import de.sipa.shared.NotFoundException;

/**
 * The coordinator edits the legal pages at {@code /partnership/legal}: Impressum, Datenschutzerklärung, Erklärung zur
 * Barrierefreiheit; citizens read them under the partnership's public address, linked from the foot of every public
 * page.
 */
@Controller
class LegalController {

    private final LegalNotices notices;
    private final Partnerships partnerships;

    LegalController(LegalNotices notices, Partnerships partnerships) {
        this.notices = notices;
        this.partnerships = partnerships;
    }

    @GetMapping("/partnership/legal")
    @PreAuthorize(LegalPermissions.EDIT)
    String edit(Model model, Locale locale) {
        model.addAttribute("legal", notices.forEditing(locale));
        return form(model);
    }

    @PostMapping("/partnership/legal")
    @PreAuthorize(LegalPermissions.EDIT)
    String save(@Valid @ModelAttribute("legal") LegalNotice legal, BindingResult result, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model);
        }
        notices.edit(legal, locale);
        redirect.addFlashAttribute("success", "legal.saved");
        return "redirect:/partnership/legal";
    }

    @GetMapping("/buerger/{slug}/impressum")
    String imprint(@PathVariable String slug, Model model, Locale locale) {
        return page(model, notices.imprint(slug, locale).orElseThrow(() -> new NotFoundException("Partnership", slug)),
                "legal.imprint.title", false);
    }

    @GetMapping("/buerger/{slug}/datenschutz")
    String privacy(@PathVariable String slug, Model model, Locale locale) {
        return page(model, notices.privacy(slug, locale).orElseThrow(() -> new NotFoundException("Partnership", slug)),
                "legal.privacy.title", true);
    }

    @GetMapping("/buerger/{slug}/barrierefreiheit")
    String accessibility(@PathVariable String slug, Model model, Locale locale) {
        return page(model, notices.accessibility(slug, locale)
                .orElseThrow(() -> new NotFoundException("Partnership", slug)), "legal.accessibility.title", false);
    }

    private String form(Model model) {
        model.addAttribute("partnership", partnerships.mine());
        model.addAttribute("own", notices.ownTexts());
        return "legal/edit";
    }

    private static String page(Model model, LegalPage page, String title, boolean privacy) {
        model.addAttribute("page", page);
        // Not "title": inside the layout that name is the page title fragment.
        model.addAttribute("titleKey", title);
        model.addAttribute("privacy", privacy);
        model.addAttribute("publicSlug", page.partnership().slug());
        return "legal/page";
    }
}
