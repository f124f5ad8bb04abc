package de.sipa.reports;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.ResponseBody;

import de.sipa.partners.District;
import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * The public pages: citizens report a concern without an account and follow it by its status link. Each page names
 * its partnership as {@code publicSlug}, so that the layout links the partnership's Impressum and
 * Datenschutzerklärung.
 */
@Controller
@RequestMapping("/buerger")
class CitizenController {

    private static final int LIST_PAGE_SIZE = 50;

    private final Reports reports;
    private final Categories categories;
    private final Partnerships partnerships;
    private final IntakeThrottle throttle;
    private final CategorySuggestions suggestions;

    CitizenController(Reports reports, Categories categories, Partnerships partnerships, IntakeThrottle throttle,
            CategorySuggestions suggestions) {
        this.reports = reports;
        this.categories = categories;
        this.partnerships = partnerships;
        this.throttle = throttle;
        this.suggestions = suggestions;
    }

    @GetMapping("/{slug}/melden")
    String form(@PathVariable String slug, Model model) {
        return form(model, partnership(slug), ReportForm.empty(null));
    }

    @PostMapping("/{slug}/melden")
    String submit(@PathVariable String slug, @Valid @ModelAttribute("report") ReportForm form, BindingResult result,
            @RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        var partnership = partnership(slug);
        if (form.website() != null && !form.website().isBlank()) {
            // A bot filled in the hidden field: it gets a thank-you, the report is not stored.
            model.addAttribute("publicSlug", partnership.slug());
            return "reports/citizen-thanks";
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, partnership, form);
        }
        if (!throttle.allow(IntakeThrottle.Channel.WEB, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            result.reject("report.tooMany");
            return form(model, partnership, form);
        }
        try {
            var receipt = reports.submit(form.toReport(partnership.id(), ReportSource.CITIZEN),
                    photo == null ? null : photo.getBytes());
            return "redirect:/buerger/anliegen/" + receipt.token() + "?neu=1";
        } catch (RuleViolationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, partnership, form);
        }
    }

    /** Open reports of the category near the point, so the citizen sees whether it is known already. */
    @GetMapping("/{slug}/in-der-naehe")
    String nearby(@PathVariable String slug, @RequestParam(required = false) UUID category, @RequestParam double latitude,
            @RequestParam double longitude, Model model) {
        var partnership = partnership(slug);
        var valid = Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
        model.addAttribute("nearby", valid && category != null ? reports.nearbyOpen(partnership.id(),
                new CategoryId(category), latitude, longitude) : List.of());
        var location = valid ? partnerships.locate(partnership.id(), latitude, longitude, Reports.BOUNDARY_MARGIN_METRES)
                : null;
        model.addAttribute("boundary", location != null && location.nearBoundary()
                ? partnerships.districtsOf(partnership.id()).stream()
                        .filter(d -> location.nearby().contains(d.id())).toList()
                : List.of());
        return "reports/citizen-nearby :: nearby";
    }

    /** Categories that fit the description better than "Sonstiges", for the citizen to pick one. */
    @GetMapping("/{slug}/vorschlag")
    String suggest(@PathVariable String slug, @RequestParam(defaultValue = "") String text, Model model) {
        var partnership = partnership(slug);
        model.addAttribute("suggestions", suggestions.suggest(partnership.id(),
                text.length() > Reports.MAX_DESCRIPTION ? text.substring(0, Reports.MAX_DESCRIPTION) : text, 2));
        return "reports/citizen-nearby :: suggestions";
    }

    /** The public map of open reports: coarse locations and categories, no texts, no personal data. */
    @GetMapping("/{slug}/karte")
    String map(@PathVariable String slug, Model model) {
        var partnership = partnership(slug);
        model.addAttribute("partnership", partnership);
        model.addAttribute("publicSlug", partnership.slug());
        return "reports/citizen-map";
    }

    /** The map's open reports as a list, by district: the map's text alternative for keyboards and screen readers. */
    @GetMapping("/{slug}/karte/liste")
    String mapList(@PathVariable String slug, @RequestParam(name = "bezirk", required = false) UUID districtId,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var partnership = partnership(slug);
        var districts = partnerships.districtsOf(partnership.id());
        var district = districts.stream().filter(d -> d.id().value().equals(districtId)).findFirst();
        model.addAttribute("partnership", partnership);
        model.addAttribute("publicSlug", partnership.slug());
        model.addAttribute("districts", districts);
        model.addAttribute("district", district.orElse(null));
        model.addAttribute("results", reports.publicList(partnership.id(), district.map(District::id).orElse(null),
                PageRequest.of(Math.max(page, 0), LIST_PAGE_SIZE)));
        return "reports/citizen-list";
    }

    @GetMapping(path = "/{slug}/karte.json", produces = "application/json")
    @ResponseBody
    List<MapPoint> mapPoints(@PathVariable String slug) {
        return reports.publicMap(partnership(slug).id());
    }

    /** The status page behind the link the reporter got: status and public notes only. */
    @GetMapping("/anliegen/{token}")
    String status(@PathVariable UUID token, @RequestParam(required = false) String neu, Model model) {
        model.addAttribute("view", reports.publicViewByToken(token).orElseThrow(() -> new NotFoundException("Report", token)));
        model.addAttribute("fresh", neu != null);
        reports.partnershipOfToken(token).flatMap(partnerships::find)
                .ifPresent(partnership -> model.addAttribute("publicSlug", partnership.slug()));
        return "reports/citizen-status";
    }

    private String form(Model model, Partnership partnership, ReportForm form) {
        model.addAttribute("partnership", partnership);
        model.addAttribute("publicSlug", partnership.slug());
        model.addAttribute("report", form);
        model.addAttribute("categories", categories.offeredBy(partnership.id()));
        model.addAttribute("districts", partnerships.districtsOf(partnership.id()));
        return "reports/citizen-form";
    }

    private Partnership partnership(String slug) {
        return partnerships.bySlug(slug).orElseThrow(() -> new NotFoundException("Partnership", slug));
    }
}
