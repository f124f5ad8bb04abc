package de.sipa.web;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;
import de.sipa.partners.Bodies;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.reports.ReportPermissions;
import de.sipa.responsibilities.FindingKind;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Review;
import de.sipa.responsibilities.Reviews;
import de.sipa.shared.PdfLetterhead;
import de.sipa.shared.RuleViolationException;

/** The start page ("Heute") of each role, and the steering group's monthly overview with its PDF. */
@Controller
class HomeController {

    private final StartPages startPages;
    private final Organisations organisations;
    private final People people;
    private final Bodies bodies;
    private final Responsibilities responsibilities;
    private final Reviews reviews;
    private final Partnerships partnerships;
    private final MessageSource messages;

    HomeController(StartPages startPages, Organisations organisations, People people, Bodies bodies,
            Responsibilities responsibilities, Reviews reviews, Partnerships partnerships, MessageSource messages) {
        this.startPages = startPages;
        this.organisations = organisations;
        this.people = people;
        this.bodies = bodies;
        this.responsibilities = responsibilities;
        this.reviews = reviews;
        this.partnerships = partnerships;
        this.messages = messages;
    }

    /**
     * What to do today: the coordination's and the partners' open work with counts and links; the steering group
     * starts on its monthly overview. Below, the network in figures and the reviews waiting for the user's answers.
     */
    @GetMapping("/")
    String home(Model model) {
        var user = CurrentUser.get();
        if (user.role() == Role.STEERING) {
            return overview(null, model);
        }
        model.addAttribute("today", user.coordinates() ? startPages.coordinator() : startPages.partner());
        model.addAttribute("organisationCount", organisations.count());
        model.addAttribute("personCount", people.count());
        model.addAttribute("bodies", bodies.all());
        var findings = responsibilities.findings();
        model.addAttribute("gaps", findings.stream().filter(f -> f.kind() == FindingKind.GAP).count());
        model.addAttribute("overlaps", findings.stream().filter(f -> f.kind() == FindingKind.OVERLAP).count());
        model.addAttribute("openReviews", reviews.all().stream().filter(Review::isOpen)
                .map(review -> new OpenReview(review, reviews.items(review.id()).stream()
                        .filter(item -> user.belongsTo(item.organisation()) && !item.answered()).count()))
                .toList());
        return "home";
    }

    /** The steering group's month on one page (default: the last complete month), e.g. {@code ?month=2026-03}. */
    @GetMapping("/overview")
    @PreAuthorize(ReportPermissions.FIGURES)
    String overview(@RequestParam(required = false) String month, Model model) {
        var selected = month(month);
        model.addAttribute("overview", startPages.overview(selected));
        model.addAttribute("goals", startPages.goals());
        model.addAttribute("previous", selected.minusMonths(1));
        model.addAttribute("next", selected.plusMonths(1));
        return "web/overview";
    }

    @GetMapping("/overview.pdf")
    @PreAuthorize(ReportPermissions.FIGURES)
    void overviewPdf(@RequestParam(required = false) String month, Locale locale, HttpServletResponse response)
            throws IOException {
        var selected = month(month);
        var overview = startPages.overview(selected);
        var letterhead = partnerships.letterhead();
        var organisationNames = organisations.byId();
        PdfLetterhead.send(response, "monatsuebersicht-" + selected + ".pdf",
                out -> OverviewDocument.write(overview, letterhead, organisationNames, messages, locale, out));
    }

    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return startPages.defaultMonth();
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("overview.month.invalid", month);
        }
    }
}
