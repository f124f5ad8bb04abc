package de.sipa.situation;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.sipa.partners.DistrictId;
import de.sipa.partners.Partnerships;
import de.sipa.shared.PdfLetterhead;
import de.sipa.surveys.SenseOfSecurity;

/**
 * The district profiles (Stadtteilprofile) of the situation picture: the list of districts with their key figures,
 * one page per district, and the same page as one PDF page for printing.
 */
@Controller
@RequestMapping("/lagebild/stadtteile")
@PreAuthorize(DistrictProfilePermissions.READ)
class DistrictProfileController {

    private final DistrictProfiles profiles;
    private final CrimeFigureAccess access;
    private final Partnerships partnerships;
    private final MessageSource messages;
    private final SenseOfSecurity senseOfSecurity;
    private final Clock clock;

    DistrictProfileController(DistrictProfiles profiles, CrimeFigureAccess access, Partnerships partnerships,
            SenseOfSecurity senseOfSecurity, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.senseOfSecurity = senseOfSecurity;
        this.profiles = profiles;
        this.access = access;
        this.partnerships = partnerships;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("summaries", profiles.summaries());
        model.addAttribute("perDistrict", access.mayReadDistricts());
        return "situation/district-profiles";
    }

    @GetMapping("/{id}")
    String profile(@PathVariable UUID id, @RequestParam(required = false) CrimeMeasure measure, Model model) {
        var profile = profiles.profile(new DistrictId(id));
        var shown = measure == null ? CrimeMeasure.CASES : measure;
        model.addAttribute("profile", profile);
        model.addAttribute("measures", CrimeMeasure.values());
        model.addAttribute("measure", shown);
        if (profile.crime() != null) {
            model.addAttribute("chart", profile.crime().chart(shown));
        }
        model.addAttribute("perDistrict", access.mayReadDistricts());
        model.addAttribute("coordinates", access.mayManage());
        model.addAttribute("senseOfSecurity", senseOfSecurity.trend(new DistrictId(id)));
        return "situation/district-profile";
    }

    @GetMapping("/{id}.pdf")
    void pdf(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
        var profile = profiles.profile(new DistrictId(id));
        var letterhead = partnerships.letterhead();
        PdfLetterhead.send(response, "stadtteilprofil-" + DistrictProfileDocument.fileName(profile.district().name())
                + ".pdf", out -> DistrictProfileDocument.write(profile, letterhead, messages, locale, clock, out));
    }
}
