package de.sipa.surveys;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * The coordination builds a questionnaire: from the library of standard items and with its own questions, in
 * sections it adds, renames and orders, with conditions between questions. Once a wave has a response to it, the
 * questionnaire is frozen (changing a question would change what the answers mean); the next wave takes a copy,
 * which keeps the comparable keys, so the waves are still compared.
 */
@Service
@Transactional
public class QuestionnaireEditor {

    private final QuestionnaireRepository questionnaires;
    private final StandardItems library;
    private final AuditTrail auditTrail;
    private final Clock clock;

    QuestionnaireEditor(QuestionnaireRepository questionnaires, StandardItems library, AuditTrail auditTrail,
            Clock clock) {
        this.questionnaires = questionnaires;
        this.library = library;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Whether responses answer the questionnaire, so that it can no longer change. */
    @PreAuthorize(SurveyPermissions.READ)
    @Transactional(readOnly = true)
    public boolean frozen(QuestionnaireId id) {
        return questionnaires.answered(load(id).id());
    }

    /**
     * A new questionnaire with the chosen standard items, each on its suggested page (the pages in the library's
     * order, only those with an item).
     */
    @PreAuthorize(SurveyPermissions.MANAGE)
    public QuestionnaireId create(String title, String introduction, Collection<String> standardItems) {
        var sections = new ArrayList<Section>();
        for (var section : StandardItems.SECTIONS) {
            var questions = StandardItems.ITEMS.stream()
                    .filter(i -> i.section().equals(section) && standardItems.contains(i.key()))
                    .map(i -> library.question(i.key())).toList();
            if (!questions.isEmpty()) {
                sections.add(new Section(UUID.randomUUID(), library.sectionTitle(section), questions));
            }
        }
        var questionnaire = new Questionnaire(QuestionnaireId.random(), title(title), introduction(introduction),
                sections);
        QuestionnaireRules.check(questionnaire);
        var partnership = CurrentUser.partnership();
        if (questionnaires.titleTaken(partnership, questionnaire.title(), questionnaire.id())) {
            throw new RuleViolationException("survey.questionnaire.title.taken", questionnaire.title());
        }
        questionnaires.insert(partnership, questionnaire, clock.instant());
        auditTrail.record(AuditAction.CREATED, "Questionnaire", questionnaire.id(),
                auditTrail.summary("audit.questionnaire.created", questionnaire.title()));
        return questionnaire.id();
    }

    @PreAuthorize(SurveyPermissions.MANAGE)
    public void describe(QuestionnaireId id, String title, String introduction) {
        change(id, "audit.questionnaire.described",
                q -> new Questionnaire(q.id(), title(title), introduction(introduction), q.sections()));
    }

    @PreAuthorize(SurveyPermissions.MANAGE)
    public UUID addSection(QuestionnaireId id, Wording title) {
        var section = new Section(UUID.randomUUID(), title, List.of());
        change(id, "audit.questionnaire.changed", q -> {
            var sections = new ArrayList<>(q.sections());
            sections.add(section);
            return with(q, sections);
        });
        return section.id();
    }

    @PreAuthorize(SurveyPermissions.MANAGE)
    public void renameSection(QuestionnaireId id, UUID section, Wording title) {
        change(id, "audit.questionnaire.changed", q -> with(q, q.sections().stream()
                .map(s -> s.id().equals(section) ? new Section(s.id(), title, s.questions()) : s).toList()));
    }

    /** Moves a page one place up ({@code -1}) or down ({@code 1}). */
    @PreAuthorize(SurveyPermissions.MANAGE)
    public void moveSection(QuestionnaireId id, UUID section, int by) {
        change(id, "audit.questionnaire.changed", q -> {
            var sections = new ArrayList<>(q.sections());
            int from = indexOf(sections, section);
            int to = from + Integer.signum(by);
            if (to < 0 || to >= sections.size()) {
                return q;
            }
            sections.add(to, sections.remove(from));
            return with(q, sections);
        });
    }

    /** Removes an empty page; a page with questions is refused, so no question goes by accident. */
    @PreAuthorize(SurveyPermissions.MANAGE)
    public void removeSection(QuestionnaireId id, UUID section) {
        change(id, "audit.questionnaire.changed", q -> {
            var sections = new ArrayList<>(q.sections());
            int index = indexOf(sections, section);
            if (!sections.get(index).questions().isEmpty()) {
                throw new RuleViolationException("survey.section.notEmpty");
            }
            sections.remove(index);
            return with(q, sections);
        });
    }

    /**
     * Adds standard items the questionnaire does not ask yet: to the page given, or with {@code null} to each item's
     * suggested page (found by its title, added at the end when there is none).
     */
    @PreAuthorize(SurveyPermissions.MANAGE)
    public int addStandardItems(QuestionnaireId id, Collection<String> keys, UUID section) {
        int[] added = {0};
        change(id, "audit.questionnaire.changed", q -> {
            var asked = q.questions().stream().map(Question::comparableKey).filter(Objects::nonNull).toList();
            var sections = new ArrayList<>(q.sections());
            for (var item : StandardItems.ITEMS) {
                if (!keys.contains(item.key()) || asked.contains(item.key())) {
                    continue;
                }
                int index;
                if (section != null) {
                    index = indexOf(sections, section);
                } else {
                    var title = library.sectionTitle(item.section());
                    index = -1;
                    for (int i = 0; i < sections.size(); i++) {
                        if (sections.get(i).title().german().equals(title.german())) {
                            index = i;
                        }
                    }
                    if (index < 0) {
                        sections.add(new Section(UUID.randomUUID(), title, List.of()));
                        index = sections.size() - 1;
                    }
                }
                var target = sections.get(index);
                var questions = new ArrayList<>(target.questions());
                questions.add(library.question(item.key()));
                sections.set(index, new Section(target.id(), target.title(), questions));
                added[0]++;
            }
            return with(q, sections);
        });
        return added[0];
    }

    /**
     * Adds a question at the end of a page, or changes one (by its id); a changed question that goes to another page
     * goes to that page's end.
     */
    @PreAuthorize(SurveyPermissions.MANAGE)
    public void saveQuestion(QuestionnaireId id, UUID section, Question question) {
        QuestionnaireRules.check(question);
        change(id, "audit.questionnaire.changed", q -> {
            var sections = new ArrayList<Section>();
            boolean placed = false;
            indexOf(q.sections(), section);
            for (var s : q.sections()) {
                var questions = new ArrayList<Question>();
                for (var existing : s.questions()) {
                    if (!existing.id().equals(question.id())) {
                        questions.add(existing);
                    } else if (s.id().equals(section)) {
                        questions.add(question);
                        placed = true;
                    }
                }
                if (s.id().equals(section) && !placed) {
                    questions.add(question);
                    placed = true;
                }
                sections.add(new Section(s.id(), s.title(), questions));
            }
            return with(q, sections);
        });
    }

    /** Moves a question one place up or down on its page. */
    @PreAuthorize(SurveyPermissions.MANAGE)
    public void moveQuestion(QuestionnaireId id, QuestionId question, int by) {
        change(id, "audit.questionnaire.changed", q -> with(q, q.sections().stream().map(s -> {
            var questions = new ArrayList<>(s.questions());
            int from = questions.stream().map(Question::id).toList().indexOf(question);
            int to = from + Integer.signum(by);
            if (from < 0 || to < 0 || to >= questions.size()) {
                return s;
            }
            questions.add(to, questions.remove(from));
            return new Section(s.id(), s.title(), questions);
        }).toList()));
    }

    /** Removes a question no other question's condition depends on. */
    @PreAuthorize(SurveyPermissions.MANAGE)
    public void removeQuestion(QuestionnaireId id, QuestionId question) {
        change(id, "audit.questionnaire.changed", q -> {
            var removed = q.question(question).orElseThrow(() -> new NotFoundException("Question", question));
            var dependent = q.questions().stream()
                    .filter(x -> x.condition() != null && x.condition().question().equals(question)).findFirst();
            if (dependent.isPresent()) {
                throw new RuleViolationException("survey.question.dependedOn", removed.text().german(),
                        dependent.get().text().german());
            }
            return with(q, q.sections().stream().map(s -> new Section(s.id(), s.title(),
                    s.questions().stream().filter(x -> !x.id().equals(question)).toList())).toList());
        });
    }

    /**
     * A copy for the next wave, to change freely: new ids for its pages and questions, the conditions pointing at the
     * copied questions, and the same comparable keys, so the new wave's answers are compared with the old ones.
     */
    @PreAuthorize(SurveyPermissions.MANAGE)
    public QuestionnaireId copy(QuestionnaireId id, String title) {
        var original = load(id);
        var ids = new HashMap<QuestionId, QuestionId>();
        original.questions().forEach(q -> ids.put(q.id(), QuestionId.random()));
        var sections = original.sections().stream().map(s -> new Section(UUID.randomUUID(), s.title(),
                s.questions().stream().map(q -> new Question(ids.get(q.id()), q.kind(), q.text(), q.help(),
                        q.required(), q.comparableKey(), q.min(), q.max(), q.options(),
                        q.condition() == null ? null
                                : new QuestionCondition(ids.get(q.condition().question()), q.condition().codes())))
                        .toList())).toList();
        var copy = new Questionnaire(QuestionnaireId.random(), title(title), original.introduction(), sections);
        var partnership = CurrentUser.partnership();
        if (questionnaires.titleTaken(partnership, copy.title(), copy.id())) {
            throw new RuleViolationException("survey.questionnaire.title.taken", copy.title());
        }
        questionnaires.insert(partnership, copy, clock.instant());
        auditTrail.record(AuditAction.CREATED, "Questionnaire", copy.id(),
                auditTrail.summary("audit.questionnaire.copied", copy.title(), original.title()));
        return copy.id();
    }

    /** The page a question is on. */
    @PreAuthorize(SurveyPermissions.READ)
    @Transactional(readOnly = true)
    public Optional<Section> sectionOf(QuestionnaireId id, QuestionId question) {
        return load(id).sections().stream()
                .filter(s -> s.questions().stream().anyMatch(q -> q.id().equals(question))).findFirst();
    }

    private void change(QuestionnaireId id, String auditKey, UnaryOperator<Questionnaire> change) {
        var questionnaire = load(id);
        if (questionnaires.answered(id)) {
            throw new RuleViolationException("survey.questionnaire.frozen", questionnaire.title());
        }
        var changed = change.apply(questionnaire);
        QuestionnaireRules.check(changed);
        var partnership = CurrentUser.partnership();
        if (questionnaires.titleTaken(partnership, changed.title(), changed.id())) {
            throw new RuleViolationException("survey.questionnaire.title.taken", changed.title());
        }
        questionnaires.replace(partnership, changed, clock.instant());
        auditTrail.record(AuditAction.CHANGED, "Questionnaire", id, auditTrail.summary(auditKey, changed.title()));
    }

    private Questionnaire load(QuestionnaireId id) {
        return questionnaires.find(CurrentUser.partnership(), id)
                .orElseThrow(() -> new NotFoundException("Questionnaire", id));
    }

    private static Questionnaire with(Questionnaire q, List<Section> sections) {
        return new Questionnaire(q.id(), q.title(), q.introduction(), sections);
    }

    private static int indexOf(List<Section> sections, UUID section) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).id().equals(section)) {
                return i;
            }
        }
        throw new NotFoundException("Section", section);
    }

    static String title(String title) {
        var stripped = title == null ? "" : title.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            throw new RuleViolationException("survey.questionnaire.title.invalid");
        }
        return stripped;
    }

    private static String introduction(String introduction) {
        var stripped = introduction == null ? "" : introduction.strip();
        if (stripped.length() > 4000) {
            throw new RuleViolationException("survey.questionnaire.introduction.tooLong");
        }
        return stripped;
    }
}
