package de.sipa.surveys;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.sipa.partners.Partnerships;
import de.sipa.reports.IntakeThrottle;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * A web wave for citizens, without login: the intro with the purpose and the privacy note (and the code entry of a
 * wave with invitation codes), a page per section with back and next, and the thank-you. The answers travel in the
 * pages' hidden fields until the response is sent, so the server keeps no session for it; conditions are evaluated
 * here, the page's script only hides what does not apply. An open wave recognises a device by a random token in a
 * cookie, of which only a hash is stored, and counts sent responses per address ({@link IntakeThrottle}).
 */
@Controller
@RequestMapping("/buerger/{slug}/umfragen/{wave}")
class PublicSurveyController {

    static final String DEVICE_COOKIE = "sipa_umfrage";
    static final String THROTTLE_CHANNEL = "SURVEY";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyAnswering answering;
    private final Partnerships partnerships;
    private final IntakeThrottle throttle;
    private final MessageSource messages;
    private final int limit;

    PublicSurveyController(SurveyAnswering answering, Partnerships partnerships, IntakeThrottle throttle,
            MessageSource messages, @Value("${sipa.surveys.submission-limit:30}") int limit) {
        this.answering = answering;
        this.partnerships = partnerships;
        this.throttle = throttle;
        this.messages = messages;
        this.limit = limit;
    }

    @GetMapping
    String intro(@PathVariable String slug, @PathVariable UUID wave,
            @CookieValue(name = DEVICE_COOKIE, required = false) String device, Model model) {
        var survey = survey(slug, wave);
        return intro(survey, device, model, null, "");
    }

    @PostMapping("/code")
    String code(@PathVariable String slug, @PathVariable UUID wave, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        var survey = survey(slug, wave);
        if (!survey.acceptsAnswers() || survey.wave().mode() != WaveMode.INVITATION_CODES) {
            return redirect(survey, "");
        }
        String problem = null;
        if (code.isBlank() || code.length() > 40) {
            problem = "survey.code.missing";
        } else if (!throttle.allow(THROTTLE_CHANNEL, limit, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            problem = "survey.tooMany";
        } else {
            problem = switch (answering.code(survey.wave().id(), code)) {
                case FREE -> null;
                case USED -> "survey.code.used";
                case UNKNOWN -> "survey.code.unknown";
            };
        }
        if (problem != null) {
            if (response.getStatus() < 400) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
            return intro(survey, null, model, problem, code);
        }
        var answers = new LinkedHashMap<QuestionId, List<String>>();
        int first = survey.sections().isEmpty() || !SurveyPage.shown(survey, survey.sections().get(0), answers).isEmpty()
                ? 0 : Math.max(0, SurveyPage.next(survey, 0, answers));
        return page(model, survey, first, answers, code.strip(), Map.of(), List.of(), locale);
    }

    @GetMapping("/fragen")
    String first(@PathVariable String slug, @PathVariable UUID wave,
            @CookieValue(name = DEVICE_COOKIE, required = false) String device, Model model, Locale locale) {
        var survey = survey(slug, wave);
        if (!survey.acceptsAnswers() || survey.wave().mode() != WaveMode.OPEN || survey.sections().isEmpty()
                || answering.answeredOnDevice(survey.wave().id(), device)) {
            return redirect(survey, "");
        }
        var answers = new LinkedHashMap<QuestionId, List<String>>();
        int first = SurveyPage.shown(survey, survey.sections().get(0), answers).isEmpty()
                ? Math.max(0, SurveyPage.next(survey, 0, answers)) : 0;
        return page(model, survey, first, answers, null, Map.of(), List.of(), locale);
    }

    /**
     * Back, next or send. The parameters hold every answer given so far ({@code a.<question id>}), the page
     * ({@code seite}, from 1), the action ({@code aktion}: {@code zurueck}, {@code weiter}, {@code absenden}) and, in a
     * wave with invitation codes, the code.
     */
    @PostMapping("/fragen")
    String step(@PathVariable String slug, @PathVariable UUID wave, @RequestParam MultiValueMap<String, String> params,
            @CookieValue(name = DEVICE_COOKIE, required = false) String device, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale) {
        var survey = survey(slug, wave);
        var code = params.getFirst("code");
        boolean withCode = survey.wave().mode() == WaveMode.INVITATION_CODES;
        if (!survey.acceptsAnswers() || survey.sections().isEmpty() || (withCode && (code == null || code.isBlank()))) {
            return redirect(survey, "");
        }
        int index = Math.max(0, Math.min(number(params.getFirst("seite")) - 1, survey.sections().size() - 1));
        var answers = answers(survey, params, index);
        var action = String.valueOf(params.getFirst("aktion"));
        if (action.equals("zurueck")) {
            int previous = SurveyPage.previous(survey, index, answers);
            return page(model, survey, previous < 0 ? index : previous, answers, code, Map.of(), List.of(), locale);
        }
        var onPage = SurveyPage.shown(survey, survey.sections().get(index), answers);
        var problems = answering.check(survey, answers, onPage);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, survey, index, answers, code, errors(problems, locale), List.of(), locale);
        }
        int next = SurveyPage.next(survey, index, answers);
        if (!action.equals("absenden") || next >= 0) {
            return page(model, survey, next < 0 ? index : next, answers, code, Map.of(), List.of(), locale);
        }
        if (!withCode) {
            if (answering.answeredOnDevice(survey.wave().id(), device)) {
                response.setStatus(HttpStatus.CONFLICT.value());
                return intro(survey, device, model, null, "");
            }
            if (!throttle.allow(THROTTLE_CHANNEL, limit, request.getRemoteAddr())) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                return page(model, survey, index, answers, code, Map.of(),
                        List.of(messages.getMessage("survey.tooMany", null, locale)), locale);
            }
        }
        var token = device == null || device.isBlank() || device.length() > 64 ? newToken() : device;
        try {
            answering.submit(survey, answers, withCode ? Admission.byCode(code) : Admission.byDevice(token));
        } catch (AnswersRefused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            var first = e.problems().stream().map(p -> survey.questionnaire().question(p.question()))
                    .flatMap(java.util.Optional::stream).findFirst()
                    .map(q -> survey.sections().stream().filter(s -> s.questions().contains(q)).findFirst()
                            .map(survey.sections()::indexOf).orElse(index))
                    .orElse(index);
            var unknown = e.problems().stream().filter(p -> survey.questionnaire().question(p.question()).isEmpty())
                    .map(p -> messages.getMessage(p.messageKey(), p.argumentArray(), locale)).distinct().toList();
            return page(model, survey, first, answers, code, errors(e.problems(), locale), unknown, locale);
        } catch (RuleViolationException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return intro(survey, null, model, e.messageKey(), "");
        }
        if (!withCode) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(DEVICE_COOKIE, token)
                    .path("/buerger/" + survey.partnership().slug() + "/umfragen/" + survey.wave().id())
                    .maxAge(Duration.ofDays(400)).httpOnly(true).sameSite("Lax").build().toString());
        }
        return redirect(survey, "/danke");
    }

    @GetMapping("/danke")
    String thanks(@PathVariable String slug, @PathVariable UUID wave, Model model) {
        var survey = survey(slug, wave);
        model.addAttribute("survey", survey);
        model.addAttribute("publicSlug", survey.partnership().slug());
        return "surveys/answer-thanks";
    }

    private String intro(PublicSurvey survey, String device, Model model, String problem, String code) {
        model.addAttribute("survey", survey);
        model.addAttribute("publicSlug", survey.partnership().slug());
        model.addAttribute("answered", survey.wave().mode() == WaveMode.OPEN
                && answering.answeredOnDevice(survey.wave().id(), device));
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(LocaleContextHolder.getLocale());
        model.addAttribute("opensOn", dates.format(survey.wave().opensOn()));
        model.addAttribute("closesOn", dates.format(survey.wave().closesOn()));
        boolean inCodeForm = problem != null && survey.wave().mode() == WaveMode.INVITATION_CODES
                && survey.acceptsAnswers() && (problem.startsWith("survey.code.") || problem.equals("survey.tooMany"));
        if (problem != null && !inCodeForm) {
            model.addAttribute("problem", messages.getMessage(problem, null, LocaleContextHolder.getLocale()));
        }
        model.addAttribute("codeProblem", inCodeForm ? problem : null);
        model.addAttribute("code", code);
        return "surveys/answer-intro";
    }

    private String page(Model model, PublicSurvey survey, int index, Map<QuestionId, List<String>> answers, String code,
            Map<QuestionId, String> errors, List<String> otherErrors, Locale locale) {
        model.addAttribute("page", SurveyPage.of(survey, index, SurveyPage.ordered(survey, answers), code, errors,
                otherErrors, locale));
        model.addAttribute("survey", survey);
        model.addAttribute("publicSlug", survey.partnership().slug());
        return "surveys/answer-page";
    }

    private Map<QuestionId, String> errors(List<AnswerProblem> problems, Locale locale) {
        var errors = new LinkedHashMap<QuestionId, String>();
        problems.forEach(p -> errors.putIfAbsent(p.question(),
                messages.getMessage(p.messageKey(), p.argumentArray(), locale)));
        return errors;
    }

    /**
     * The answers sent: every {@code a.<question id>} parameter. Answers carried from other pages that no longer apply
     * (the respondent went back and changed the answer they depend on) are dropped; the page's own are kept as given.
     */
    private static Map<QuestionId, List<String>> answers(PublicSurvey survey, MultiValueMap<String, String> params,
            int index) {
        var given = new LinkedHashMap<QuestionId, List<String>>();
        params.forEach((name, values) -> {
            if (name.startsWith("a.")) {
                try {
                    given.put(new QuestionId(UUID.fromString(name.substring(2))), new ArrayList<>(values));
                } catch (IllegalArgumentException e) {
                    // not an answer of this form
                }
            }
        });
        var normalised = AnswerRules.normalised(given);
        var onPage = survey.sections().get(index).questions();
        var kept = new LinkedHashMap<QuestionId, List<String>>();
        normalised.forEach((id, values) -> {
            var question = survey.questionnaire().question(id);
            if (question.isEmpty() || onPage.contains(question.get())
                    || AnswerRules.applies(survey.questionnaire(), question.get(), normalised)) {
                kept.put(id, values);
            }
        });
        return kept;
    }

    private static int number(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String newToken() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String redirect(PublicSurvey survey, String path) {
        return "redirect:/buerger/" + survey.partnership().slug() + "/umfragen/" + survey.wave().id() + path;
    }

    private PublicSurvey survey(String slug, UUID wave) {
        var partnership = partnerships.bySlug(slug).orElseThrow(() -> new NotFoundException("Partnership", slug));
        return answering.survey(partnership, new SurveyWaveId(wave))
                .filter(s -> s.wave().mode() != WaveMode.EXTERNAL)
                .orElseThrow(() -> new NotFoundException("SurveyWave", wave));
    }
}
