package de.sipa.annualreport;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.PdfLetterhead;

/** The published annual reports on the partnership's public pages, without login and without JavaScript. */
@Controller
@RequestMapping("/buerger/{slug}/berichte")
class PublicReportController {

    private final ReportGenerations generations;
    private final Partnerships partnerships;

    PublicReportController(ReportGenerations generations, Partnerships partnerships) {
        this.generations = generations;
        this.partnerships = partnerships;
    }

    @GetMapping
    String reports(@PathVariable String slug, Model model) {
        var partnership = partnership(slug, model);
        model.addAttribute("reports", generations.published(partnership.id()));
        return "annualreport/public-list";
    }

    @GetMapping("/{year}")
    String report(@PathVariable String slug, @PathVariable int year, Model model) {
        var partnership = partnership(slug, model);
        model.addAttribute("year", year);
        model.addAttribute("html", generations.publishedHtml(partnership.id(), year)
                .orElseThrow(() -> new NotFoundException("Published annual report", year)));
        return "annualreport/public-report";
    }

    @GetMapping("/{year}/pdf")
    void pdf(@PathVariable String slug, @PathVariable int year, HttpServletResponse response) throws IOException {
        var partnership = partnerships.bySlug(slug).orElseThrow(() -> new NotFoundException("Partnership", slug));
        var pdf = generations.publishedPdf(partnership.id(), year)
                .orElseThrow(() -> new NotFoundException("Published annual report", year));
        PdfLetterhead.send(response, "praeventionsbericht-" + slug + "-" + year + ".pdf", out -> {
            try {
                out.write(pdf);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private Partnership partnership(String slug, Model model) {
        var partnership = partnerships.bySlug(slug).orElseThrow(() -> new NotFoundException("Partnership", slug));
        model.addAttribute("partnership", partnership);
        model.addAttribute("publicSlug", partnership.slug());
        return partnership;
    }
}
