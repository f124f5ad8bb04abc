package de.sipa.surveys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

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
import de.sipa.shared.FlashSteps;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * The questionnaire editor: a new questionnaire from the library, its title and introduction, its pages (add,
 * rename, reorder, remove), standard items and own questions with their conditions, a preview of each page, and a
 * copy for the next wave once it is answered.
 */
@Controller
class QuestionnaireController {

    private final Surveys surveys;
    private final QuestionnaireEditor editor;
    private final StandardItems library;
    private final Partnerships partnerships;
    private final SurveyAccess access;
    private final MessageSource messages;

    QuestionnaireController(Surveys surveys, QuestionnaireEditor editor, StandardItems library,
            Partnerships partnerships, SurveyAccess access, MessageSource messages) {
        this.surveys = surveys;
        this.editor = editor;
        this.library = library;
        this.partnerships = partnerships;
        this.access = access;
        this.messages = messages;
    }

    /** A standard item as offered in a list to tick. */
    record LibraryChoice(String key, String text, String section) {
    }

    /** An earlier question whose answers a condition may name. */
    record ConditionSource(Question question, String text, List<ConditionChoice> choices) {
    }

    record ConditionChoice(String value, String label, boolean ticked) {
    }

    @ModelAttribute("mayManageSurveys")
    boolean mayManageSurveys() {
        return access.mayManage();
    }

    @GetMapping("/umfragen/frageboegen/neu")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String newQuestionnaire(Model model) {
        return newForm(model, "", "", StandardItems.ITEMS.stream().map(StandardItems.Item::key).toList());
    }

    @PostMapping("/umfragen/frageboegen/neu")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String introduction,
            @RequestParam(name = "item", required = false) List<String> items, Model model,
            RedirectAttributes redirect) {
        var chosen = items == null ? List.<String>of() : items;
        try {
            var id = editor.create(title, introduction, chosen);
            redirect.addFlashAttribute("success", "survey.questionnaire.created");
            return "redirect:/umfragen/frageboegen/" + id;
        } catch (RuleViolationException e) {
            model.addAttribute("problem", e.describe(messages));
            return newForm(model, title, introduction, chosen);
        }
    }

    private String newForm(Model model, String title, String introduction, List<String> chosen) {
        model.addAttribute("title", title);
        model.addAttribute("introduction", introduction);
        model.addAttribute("chosen", chosen);
        model.addAttribute("library", choices(List.of()));
        return "surveys/questionnaire-new";
    }

    @GetMapping("/umfragen/frageboegen/{id}")
    String editor(@PathVariable UUID id, Model model) {
        var questionnaire = surveys.questionnaire(new QuestionnaireId(id));
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("questionnaire", questionnaire);
        model.addAttribute("frozen", editor.frozen(questionnaire.id()));
        model.addAttribute("waves", surveys.waves().stream()
                .filter(w -> w.questionnaire().equals(questionnaire.id())).toList());
        var conditions = new LinkedHashMap<QuestionId, String>();
        for (var question : questionnaire.questions()) {
            if (question.condition() != null) {
                conditions.put(question.id(), describe(questionnaire, question.condition(), locale));
            }
        }
        model.addAttribute("conditions", conditions);
        var asked = questionnaire.questions().stream().map(Question::comparableKey).filter(Objects::nonNull).toList();
        model.addAttribute("library", choices(asked));
        model.addAttribute("kinds", QuestionKind.values());
        return "surveys/questionnaire";
    }

    @PostMapping("/umfragen/frageboegen/{id}")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String describe(@PathVariable UUID id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String introduction, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "survey.questionnaire.saved",
                () -> editor.describe(new QuestionnaireId(id), title, introduction),
                FlashSteps.typed("title", title, "introduction", introduction));
        return "redirect:/umfragen/frageboegen/" + id;
    }

    @PostMapping("/umfragen/frageboegen/{id}/abschnitte")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String addSection(@PathVariable UUID id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String titleEn, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "survey.section.added",
                () -> editor.addSection(new QuestionnaireId(id), sectionTitle(title, titleEn)),
                FlashSteps.typed("sectionTitle", title, "sectionTitleEn", titleEn));
        return "redirect:/umfragen/frageboegen/" + id + "#sections";
    }

    @PostMapping("/umfragen/frageboegen/{id}/abschnitte/{section}")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String renameSection(@PathVariable UUID id, @PathVariable UUID section,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String titleEn,
            RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "survey.section.renamed",
                () -> editor.renameSection(new QuestionnaireId(id), section, sectionTitle(title, titleEn)));
        return "redirect:/umfragen/frageboegen/" + id + "#section-" + section;
    }

    @PostMapping("/umfragen/frageboegen/{id}/abschnitte/{section}/verschieben")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String moveSection(@PathVariable UUID id, @PathVariable UUID section, @RequestParam(defaultValue = "0") int by,
            RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "survey.section.moved",
                () -> editor.moveSection(new QuestionnaireId(id), section, by));
        return "redirect:/umfragen/frageboegen/" + id + "#section-" + section;
    }

    @PostMapping("/umfragen/frageboegen/{id}/abschnitte/{section}/loeschen")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String removeSection(@PathVariable UUID id, @PathVariable UUID section, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "survey.section.removed",
                () -> editor.removeSection(new QuestionnaireId(id), section));
        return "redirect:/umfragen/frageboegen/" + id + "#sections";
    }

    @PostMapping("/umfragen/frageboegen/{id}/bibliothek")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String addStandardItems(@PathVariable UUID id, @RequestParam(name = "item", required = false) List<String> items,
            @RequestParam(defaultValue = "") String section, RedirectAttributes redirect) {
        if (items == null || items.isEmpty()) {
            redirect.addFlashAttribute("problem", messages.getMessage("survey.library.noneTicked", null,
                    LocaleContextHolder.getLocale()));
            return "redirect:/umfragen/frageboegen/" + id + "#library";
        }
        FlashSteps.run(redirect, messages, "survey.library.added",
                () -> editor.addStandardItems(new QuestionnaireId(id), items, section.isBlank() ? null : uuid(section)));
        return "redirect:/umfragen/frageboegen/" + id + "#sections";
    }

    @GetMapping("/umfragen/frageboegen/{id}/fragen/neu")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String newQuestion(@PathVariable UUID id, @RequestParam(required = false) QuestionKind kind,
            @RequestParam(required = false) UUID section, Model model) {
        var questionnaire = surveys.questionnaire(new QuestionnaireId(id));
        if (questionnaire.sections().isEmpty()) {
            throw new RuleViolationException("survey.question.section.required");
        }
        var page = questionnaire.sections().stream().filter(s -> s.id().equals(section)).findFirst()
                .orElse(questionnaire.sections().get(0));
        return questionForm(model, questionnaire, null,
                QuestionForm.empty(kind == null ? QuestionKind.SINGLE_CHOICE : kind, page.id()));
    }

    @GetMapping("/umfragen/frageboegen/{id}/fragen/{question}")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String editQuestion(@PathVariable UUID id, @PathVariable UUID question, Model model) {
        var questionnaire = surveys.questionnaire(new QuestionnaireId(id));
        var existing = questionnaire.question(new QuestionId(question))
                .orElseThrow(() -> new NotFoundException("Question", question));
        var section = editor.sectionOf(questionnaire.id(), existing.id()).orElseThrow();
        return questionForm(model, questionnaire, existing, QuestionForm.of(existing, section.id()));
    }

    @PostMapping("/umfragen/frageboegen/{id}/fragen/neu")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String addQuestion(@PathVariable UUID id, @RequestParam Map<String, String> params,
            @RequestParam(name = "condition", required = false) List<String> condition, Model model,
            RedirectAttributes redirect) {
        return saveQuestion(id, null, QuestionForm.read(params, condition), params.containsKey("moreRows"), model,
                redirect);
    }

    @PostMapping("/umfragen/frageboegen/{id}/fragen/{question}")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String changeQuestion(@PathVariable UUID id, @PathVariable UUID question, @RequestParam Map<String, String> params,
            @RequestParam(name = "condition", required = false) List<String> condition, Model model,
            RedirectAttributes redirect) {
        return saveQuestion(id, new QuestionId(question), QuestionForm.read(params, condition),
                params.containsKey("moreRows"), model, redirect);
    }

    private String saveQuestion(UUID id, QuestionId questionId, QuestionForm form, boolean moreRows, Model model,
            RedirectAttributes redirect) {
        var questionnaire = surveys.questionnaire(new QuestionnaireId(id));
        var existing = questionId == null ? null : questionnaire.question(questionId)
                .orElseThrow(() -> new NotFoundException("Question", questionId));
        if (moreRows) {
            return questionForm(model, questionnaire, existing, form.withMoreRows());
        }
        try {
            var question = form.toQuestion(questionId == null ? QuestionId.random() : questionId);
            editor.saveQuestion(questionnaire.id(), form.parsedSection(), question);
            redirect.addFlashAttribute("success", "survey.question.saved");
            return "redirect:/umfragen/frageboegen/" + id + "#question-" + question.id();
        } catch (RuleViolationException e) {
            model.addAttribute("problem", e.describe(messages));
            return questionForm(model, questionnaire, existing, form.withSpareRows());
        }
    }

    @PostMapping("/umfragen/frageboegen/{id}/fragen/{question}/verschieben")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String moveQuestion(@PathVariable UUID id, @PathVariable UUID question, @RequestParam(defaultValue = "0") int by,
            RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "survey.question.moved",
                () -> editor.moveQuestion(new QuestionnaireId(id), new QuestionId(question), by));
        return "redirect:/umfragen/frageboegen/" + id + "#question-" + question;
    }

    @PostMapping("/umfragen/frageboegen/{id}/fragen/{question}/loeschen")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String removeQuestion(@PathVariable UUID id, @PathVariable UUID question, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "survey.question.removed",
                () -> editor.removeQuestion(new QuestionnaireId(id), new QuestionId(question)));
        return "redirect:/umfragen/frageboegen/" + id + "#sections";
    }

    @PostMapping("/umfragen/frageboegen/{id}/kopie")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String copy(@PathVariable UUID id, @RequestParam(defaultValue = "") String title, RedirectAttributes redirect) {
        try {
            var copy = editor.copy(new QuestionnaireId(id), title);
            redirect.addFlashAttribute("success", "survey.questionnaire.copied");
            return "redirect:/umfragen/frageboegen/" + copy;
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            redirect.addFlashAttribute("input", FlashSteps.typed("copyTitle", title));
            return "redirect:/umfragen/frageboegen/" + id + "#copy";
        }
    }

    /** A page of the questionnaire as the respondent sees it, read-only, with the progress through the pages. */
    @GetMapping("/umfragen/frageboegen/{id}/vorschau")
    String preview(@PathVariable UUID id, @RequestParam(defaultValue = "1") int seite, Model model) {
        var questionnaire = surveys.questionnaire(new QuestionnaireId(id));
        int pages = questionnaire.sections().size();
        int page = Math.max(1, Math.min(seite, Math.max(pages, 1)));
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("questionnaire", questionnaire);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("section", pages == 0 ? null : questionnaire.sections().get(page - 1));
        model.addAttribute("districts", partnerships.districts());
        var conditions = new LinkedHashMap<QuestionId, String>();
        questionnaire.questions().stream().filter(q -> q.condition() != null)
                .forEach(q -> conditions.put(q.id(), describe(questionnaire, q.condition(), locale)));
        model.addAttribute("conditions", conditions);
        return "surveys/preview";
    }

    private String questionForm(Model model, Questionnaire questionnaire, Question existing, QuestionForm form) {
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("questionnaire", questionnaire);
        model.addAttribute("existing", existing);
        model.addAttribute("form", form);
        model.addAttribute("kinds", QuestionKind.values());
        QuestionKind kind;
        try {
            kind = form.parsedKind();
        } catch (RuleViolationException e) {
            kind = QuestionKind.SINGLE_CHOICE;
        }
        model.addAttribute("kind", kind);
        // a condition may name the answers of the questions before this one: before it, or up to the end of its page
        var earlier = new ArrayList<Question>();
        outer:
        for (var section : questionnaire.sections()) {
            for (var question : section.questions()) {
                if (existing != null && question.id().equals(existing.id())) {
                    break outer;
                }
                earlier.add(question);
            }
            if (existing == null && section.id().toString().equals(form.section())) {
                break;
            }
        }
        model.addAttribute("sources", earlier.stream().filter(q -> q.kind().hasOptions())
                .map(q -> new ConditionSource(q, q.text().in(locale), q.options().stream()
                        .map(o -> new ConditionChoice(q.id() + ":" + o.code(), o.label().in(locale),
                                form.condition().contains(q.id() + ":" + o.code())))
                        .toList()))
                .toList());
        return "surveys/question-form";
    }

    /** "Only when „…“ was answered with: eher unsicher, sehr unsicher". */
    private String describe(Questionnaire questionnaire, QuestionCondition condition, Locale locale) {
        var source = questionnaire.question(condition.question());
        if (source.isEmpty()) {
            return "";
        }
        var labels = source.get().options().stream().filter(o -> condition.codes().contains(o.code()))
                .map(o -> o.label().in(locale)).collect(Collectors.joining(", "));
        return messages.getMessage("survey.condition.describe", new Object[] {source.get().text().in(locale), labels},
                locale);
    }

    private List<LibraryChoice> choices(List<String> asked) {
        var locale = LocaleContextHolder.getLocale();
        return StandardItems.ITEMS.stream().filter(i -> !asked.contains(i.key()))
                .map(i -> new LibraryChoice(i.key(), library.question(i.key()).text().in(locale),
                        library.sectionTitle(i.section()).in(locale)))
                .toList();
    }

    private static Wording sectionTitle(String title, String titleEn) {
        if (title.isBlank() || title.strip().length() > 200 || titleEn.strip().length() > 200) {
            throw new RuleViolationException("survey.section.title.required");
        }
        return new Wording(title.strip(), titleEn.isBlank() ? null : titleEn.strip());
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Section", value);
        }
    }
}
