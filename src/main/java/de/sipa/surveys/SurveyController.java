package de.sipa.surveys;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.Partnerships;
import de.sipa.shared.BaseUrl;
import de.sipa.shared.CsvDownload;
import de.sipa.shared.CsvSheet;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.RuleViolationException;

/** The surveys' overview (questionnaires and waves), running a wave, and its invitation codes for the letter shop. */
@Controller
class SurveyController {

    private final Surveys surveys;
    private final InvitationCodes codes;
    private final Partnerships partnerships;
    private final SurveyAccess access;
    private final BaseUrl baseUrl;
    private final MessageSource messages;
    private final Clock clock;

    SurveyController(Surveys surveys, InvitationCodes codes, Partnerships partnerships, SurveyAccess access,
            BaseUrl baseUrl, MessageSource messages, Clock clock) {
        this.surveys = surveys;
        this.codes = codes;
        this.partnerships = partnerships;
        this.access = access;
        this.baseUrl = baseUrl;
        this.messages = messages;
        this.clock = clock;
    }

    /** A wave in the list, with its questionnaire's title, its state on the day and its responses. */
    record WaveRow(SurveyWave wave, String questionnaire, WaveState state, int responses) {
    }

    /** Where a wave stands on a day, for its label. */
    enum WaveState {
        PLANNED, RUNNING, ENDED, EXTERNAL;

        static WaveState of(SurveyWave wave, LocalDate today) {
            if (wave.mode() == WaveMode.EXTERNAL) {
                return EXTERNAL;
            }
            if (wave.acceptsAnswers(today)) {
                return RUNNING;
            }
            return !wave.closed() && today.isBefore(wave.opensOn()) ? PLANNED : ENDED;
        }
    }

    /** The form of a new wave as typed. */
    record WaveForm(String title, String opensOn, String closesOn, String questionnaire, String mode) {
    }

    @ModelAttribute("mayManageSurveys")
    boolean mayManageSurveys() {
        return access.mayManage();
    }

    @GetMapping("/umfragen")
    String overview(Model model) {
        var today = LocalDate.now(clock);
        var questionnaires = surveys.questionnaires();
        model.addAttribute("questionnaires", questionnaires);
        model.addAttribute("waves", surveys.waves().stream().map(w -> new WaveRow(w,
                questionnaires.stream().filter(q -> q.id().equals(w.questionnaire())).map(QuestionnaireSummary::title)
                        .findFirst().orElse(""),
                WaveState.of(w, today), surveys.responses(w.id()))).toList());
        return "surveys/overview";
    }

    @GetMapping("/umfragen/wellen/neu")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String newWave(@RequestParam(required = false) UUID fragebogen, Model model) {
        var today = LocalDate.now(clock);
        return waveForm(model, new WaveForm("", today.toString(), today.plusWeeks(6).toString(),
                fragebogen == null ? "" : fragebogen.toString(), WaveMode.INVITATION_CODES.name()));
    }

    @PostMapping("/umfragen/wellen/neu")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String createWave(WaveForm form, Model model, RedirectAttributes redirect) {
        try {
            var wave = new SurveyWave(SurveyWaveId.random(), questionnaire(form.questionnaire()), title(form.title()),
                    date(form.opensOn(), "survey.wave.opensOn.required"),
                    date(form.closesOn(), "survey.wave.closesOn.required"), mode(form.mode()), false);
            surveys.createWave(wave);
            redirect.addFlashAttribute("success", "survey.wave.created");
            return "redirect:/umfragen/wellen/" + wave.id();
        } catch (RuleViolationException e) {
            model.addAttribute("problem", e.describe(messages));
            return waveForm(model, form);
        }
    }

    @GetMapping("/umfragen/wellen/{id}")
    String wave(@PathVariable UUID id, Model model) {
        var wave = surveys.wave(new SurveyWaveId(id));
        model.addAttribute("wave", wave);
        model.addAttribute("state", WaveState.of(wave, LocalDate.now(clock)));
        model.addAttribute("questionnaire", surveys.questionnaire(wave.questionnaire()));
        model.addAttribute("responses", surveys.responses(wave.id()));
        model.addAttribute("publicLink", wave.mode() == WaveMode.EXTERNAL ? null : baseUrl.link(publicPath(wave)));
        model.addAttribute("codes", wave.mode() == WaveMode.INVITATION_CODES ? codes.counts(wave.id()) : null);
        model.addAttribute("maxCodes", InvitationCodes.MAX_AT_ONCE);
        return "surveys/wave";
    }

    @PostMapping("/umfragen/wellen/{id}/beenden")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String close(@PathVariable UUID id, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "survey.wave.closedNow", () -> {
            var wave = surveys.wave(new SurveyWaveId(id));
            if (!wave.acceptsAnswers(LocalDate.now(clock)) && (wave.closed() || wave.mode() == WaveMode.EXTERNAL
                    || LocalDate.now(clock).isAfter(wave.closesOn()))) {
                throw new RuleViolationException("survey.wave.alreadyClosed", wave.title());
            }
            surveys.close(wave.id());
        }, "/umfragen/wellen/" + id);
    }

    @PostMapping("/umfragen/wellen/{id}/codes")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String generateCodes(@PathVariable UUID id, @RequestParam(defaultValue = "") String count,
            RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "survey.codes.generated", () -> {
            int number;
            try {
                number = Integer.parseInt(count.strip());
            } catch (NumberFormatException e) {
                throw new RuleViolationException("survey.codes.count", InvitationCodes.MAX_AT_ONCE);
            }
            codes.generate(new SurveyWaveId(id), number);
        }, FlashSteps.typed("count", count));
        return "redirect:/umfragen/wellen/" + id + "#codes";
    }

    /** The codes for the letter shop: one row per letter, with the code as printed and the survey's address. */
    @GetMapping("/umfragen/wellen/{id}/codes.csv")
    @PreAuthorize(SurveyPermissions.MANAGE)
    void downloadCodes(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        var wave = surveys.wave(new SurveyWaveId(id));
        var all = codes.export(wave.id());
        var locale = LocaleContextHolder.getLocale();
        var link = baseUrl.link(publicPath(wave));
        CsvDownload.send(response, "einladungscodes.csv", out -> {
            var sheet = CsvSheet.on(out, messages.getMessage("survey.codes.csv.number", null, locale),
                    messages.getMessage("survey.codes.csv.code", null, locale),
                    messages.getMessage("survey.codes.csv.link", null, locale),
                    messages.getMessage("survey.codes.csv.used", null, locale));
            int number = 1;
            for (var code : all) {
                sheet.row(number++, InvitationCodes.printed(code.code()), link,
                        messages.getMessage(code.used() ? "survey.codes.csv.yes" : "survey.codes.csv.no", null, locale));
            }
            sheet.flush();
        });
    }

    /** The public page of a wave, where respondents answer (built by the answering pages). */
    private String publicPath(SurveyWave wave) {
        return "/buerger/" + partnerships.mine().slug() + "/umfragen/" + wave.id();
    }

    private String waveForm(Model model, WaveForm form) {
        model.addAttribute("form", form);
        model.addAttribute("questionnaires", surveys.questionnaires());
        model.addAttribute("modes", WaveMode.values());
        return "surveys/wave-form";
    }

    private static String title(String title) {
        var stripped = title == null ? "" : title.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            throw new RuleViolationException("survey.wave.title.invalid");
        }
        return stripped;
    }

    private static LocalDate date(String typed, String missing) {
        LocalDate date;
        try {
            date = LocalDate.parse(typed == null ? "" : typed.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolationException(missing);
        }
        if (date.getYear() < 1990 || date.getYear() > 2100) {
            throw new RuleViolationException("survey.wave.date.implausible");
        }
        return date;
    }

    private static QuestionnaireId questionnaire(String typed) {
        try {
            return new QuestionnaireId(UUID.fromString(typed == null ? "" : typed.strip()));
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("survey.wave.questionnaire.required");
        }
    }

    private static WaveMode mode(String typed) {
        try {
            return WaveMode.valueOf(typed == null ? "" : typed);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("survey.wave.mode.required");
        }
    }
}
