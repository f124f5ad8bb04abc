package de.sipa.annualreport;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.PdfLetterhead;

/**
 * The coordination's pages of the annual report: the years, a year's draft in chapters with texts (autosaved with
 * htmx), chapters switched on and off and reordered, generating with a progress bar, and the generated reports
 * (PDF, HTML version, what changed, publishing).
 */
@Controller
@RequestMapping("/jahresbericht")
class AnnualReportController {

    private final AnnualReports reports;
    private final ReportGenerations generations;
    private final MessageSource messages;
    private final Clock clock;

    AnnualReportController(AnnualReports reports, ReportGenerations generations, MessageSource messages,
            Clock clock) {
        this.reports = reports;
        this.generations = generations;
        this.messages = messages;
        this.clock = clock;
    }

    static boolean mayEdit() {
        var role = CurrentUser.get().role();
        return role == Role.ADMIN || role == Role.COORDINATOR;
    }

    @GetMapping
    String years(Model model) {
        var years = reports.years();
        model.addAttribute("years", years);
        model.addAttribute("latest", years.stream().collect(java.util.stream.Collectors.toMap(y -> y,
                y -> generations.latest(y).map(g -> g.status().name()).orElse(""))));
        return "annualreport/list";
    }

    @GetMapping("/{year}")
    String draft(@PathVariable int year, Model model, jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("year", year);
        model.addAttribute("chapters", reports.draft(year));
        model.addAttribute("generation", generations.latest(year).orElse(null));
        var done = generations.done(year);
        model.addAttribute("generated", done);
        model.addAttribute("changes", done.isEmpty() ? java.util.List.of() : generations.changes(done.get(0).id()));
        model.addAttribute("mayEdit", mayEdit());
        var locale = RequestContextUtils.getLocale(request);
        model.addAttribute("fmt", new FigureFormat(locale));
        model.addAttribute("charts", new ReportCharts(messages, locale));
        model.addAttribute("zone", clock.getZone());
        return "annualreport/draft";
    }

    /** Autosave: with htmx the answer is the save notice only; without, the page reloads. */
    @PostMapping("/{year}/kapitel/{key}/text")
    String saveText(@PathVariable int year, @PathVariable String key, @RequestParam(defaultValue = "") String text,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        reports.saveText(year, key, text);
        if (htmx != null) {
            model.addAttribute("savedAt", clock.instant());
            model.addAttribute("zone", clock.getZone());
            return "annualreport/draft :: saved";
        }
        redirect.addFlashAttribute("success", "annualreport.text.saved");
        return "redirect:/jahresbericht/" + year + "#chapter-" + key;
    }

    @GetMapping("/{year}/kapitel/{key}/versionen")
    String versions(@PathVariable int year, @PathVariable String key, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("key", key);
        reports.chapters(year).stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new de.sipa.shared.NotFoundException("chapter", key));
        model.addAttribute("versions", reports.versions(year, key));
        model.addAttribute("mayEdit", mayEdit());
        model.addAttribute("zone", clock.getZone());
        return "annualreport/versions";
    }

    @PostMapping("/{year}/kapitel/{key}/versionen/{version}")
    String restore(@PathVariable int year, @PathVariable String key, @PathVariable long version,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "annualreport.text.restored",
                () -> reports.restore(year, key, version), "/jahresbericht/" + year + "#chapter-" + key);
    }

    @PostMapping("/{year}/kapitel/{key}/schalten")
    String toggle(@PathVariable int year, @PathVariable String key, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "annualreport.chapter.toggled",
                () -> reports.toggle(year, key), "/jahresbericht/" + year + "#chapter-" + key);
    }

    @PostMapping("/{year}/kapitel/{key}/verschieben")
    String move(@PathVariable int year, @PathVariable String key, @RequestParam int direction,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "annualreport.chapter.moved",
                () -> reports.move(year, key, direction), "/jahresbericht/" + year + "#chapter-" + key);
    }

    @PostMapping("/{year}/erstellen")
    String generate(@PathVariable int year, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "annualreport.generation.started",
                () -> generations.start(year), "/jahresbericht/" + year + "#generation");
    }

    /** The progress bar, which htmx polls while the job runs. */
    @GetMapping("/{year}/erstellung/{id}")
    String progress(@PathVariable int year, @PathVariable UUID id, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("generation", generations.generation(id));
        model.addAttribute("mayEdit", mayEdit());
        return "annualreport/draft :: progress";
    }

    @PostMapping("/{year}/erstellung/{id}/abbrechen")
    String cancel(@PathVariable int year, @PathVariable UUID id, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "annualreport.generation.cancelled",
                () -> generations.cancel(id), "/jahresbericht/" + year + "#generation");
    }

    @GetMapping("/{year}/berichte/{id}.pdf")
    void pdf(@PathVariable int year, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        var pdf = generations.pdf(id);
        PdfLetterhead.send(response, "praeventionsbericht-" + year + ".pdf", out -> {
            try {
                out.write(pdf);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @GetMapping("/{year}/berichte/{id}")
    String html(@PathVariable int year, @PathVariable UUID id, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("generation", generations.generation(id));
        model.addAttribute("html", generations.html(id));
        model.addAttribute("changes", generations.changes(id));
        model.addAttribute("mayEdit", mayEdit());
        return "annualreport/generated";
    }

    @PostMapping("/{year}/berichte/{id}/veroeffentlichen")
    String publish(@PathVariable int year, @PathVariable UUID id, @RequestParam boolean published,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages,
                published ? "annualreport.published" : "annualreport.withdrawn",
                () -> generations.publish(id, published), "/jahresbericht/" + year + "/berichte/" + id);
    }

}
