package de.sipa.surveys;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

/** Questionnaires with their sections, questions and options, read and written as a whole. */
@Repository
class QuestionnaireRepository {

    private final JdbcClient jdbc;

    QuestionnaireRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The partnership's questionnaires by title, without their questions. */
    List<QuestionnaireSummary> all(PartnershipId partnership) {
        return jdbc.sql("""
                SELECT q.id, q.title,
                       (SELECT count(*) FROM surveys_question x WHERE x.questionnaire_id = q.id) AS questions,
                       (SELECT count(*) FROM surveys_wave w WHERE w.questionnaire_id = q.id) AS waves
                FROM surveys_questionnaire q WHERE q.partnership_id = ? ORDER BY q.title""")
                .param(partnership.value())
                .query((rs, n) -> new QuestionnaireSummary(new QuestionnaireId(rs.getObject("id", UUID.class)),
                        rs.getString("title"), rs.getInt("questions"), rs.getInt("waves")))
                .list();
    }

    Optional<Questionnaire> find(PartnershipId partnership, QuestionnaireId id) {
        var head = jdbc.sql("SELECT title, introduction FROM surveys_questionnaire WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value())
                .query((rs, n) -> new String[] {rs.getString("title"), rs.getString("introduction")}).optional();
        return head.map(h -> new Questionnaire(id, h[0], h[1], sections(id)));
    }

    private List<Section> sections(QuestionnaireId id) {
        var options = new LinkedHashMap<UUID, List<AnswerOption>>();
        jdbc.sql("""
                SELECT o.question_id, o.code, o.label, o.label_en FROM surveys_option o
                JOIN surveys_question q ON q.id = o.question_id
                WHERE q.questionnaire_id = ? ORDER BY o.question_id, o.position""")
                .param(id.value())
                .query(rs -> {
                    options.computeIfAbsent(rs.getObject("question_id", UUID.class), k -> new ArrayList<>())
                            .add(new AnswerOption(rs.getString("code"),
                                    new Wording(rs.getString("label"), rs.getString("label_en"))));
                });
        var questions = new LinkedHashMap<UUID, List<Question>>();
        jdbc.sql("""
                SELECT q.* FROM surveys_question q JOIN surveys_section s ON s.id = q.section_id
                WHERE q.questionnaire_id = ? ORDER BY s.position, q.position""")
                .param(id.value())
                .query(rs -> {
                    var questionId = rs.getObject("id", UUID.class);
                    var conditionOn = rs.getObject("condition_question_id", UUID.class);
                    var help = rs.getString("help_text");
                    questions.computeIfAbsent(rs.getObject("section_id", UUID.class), k -> new ArrayList<>())
                            .add(new Question(new QuestionId(questionId), QuestionKind.valueOf(rs.getString("kind")),
                                    new Wording(rs.getString("text"), rs.getString("text_en")),
                                    help == null ? null : new Wording(help, rs.getString("help_text_en")),
                                    rs.getBoolean("required"), rs.getString("comparable_key"),
                                    rs.getObject("min_value", Integer.class), rs.getObject("max_value", Integer.class),
                                    options.getOrDefault(questionId, List.of()),
                                    conditionOn == null ? null : new QuestionCondition(new QuestionId(conditionOn),
                                            Set.of(rs.getString("condition_codes").split(",")))));
                });
        return jdbc.sql("SELECT id, title, title_en FROM surveys_section WHERE questionnaire_id = ? ORDER BY position")
                .param(id.value())
                .query((rs, n) -> {
                    var sectionId = rs.getObject("id", UUID.class);
                    return new Section(sectionId, new Wording(rs.getString("title"), rs.getString("title_en")),
                            questions.getOrDefault(sectionId, List.of()));
                })
                .list();
    }

    boolean titleTaken(PartnershipId partnership, String title, QuestionnaireId except) {
        return jdbc.sql("""
                SELECT count(*) FROM surveys_questionnaire WHERE partnership_id = ? AND lower(title) = lower(?) AND id <> ?""")
                .params(partnership.value(), title, except.value()).query(Long.class).single() > 0;
    }

    void insert(PartnershipId partnership, Questionnaire questionnaire, Instant now) {
        jdbc.sql("""
                INSERT INTO surveys_questionnaire (id, partnership_id, title, introduction, created_at, changed_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(questionnaire.id().value(), partnership.value(), questionnaire.title(),
                        questionnaire.introduction(), Timestamp.from(now), Timestamp.from(now))
                .update();
        insertSections(questionnaire);
    }

    /** Replaces the sections and questions; only for a questionnaire no response refers to yet. */
    void replace(PartnershipId partnership, Questionnaire questionnaire, Instant now) {
        jdbc.sql("""
                UPDATE surveys_questionnaire SET title = ?, introduction = ?, changed_at = ?
                WHERE partnership_id = ? AND id = ?""")
                .params(questionnaire.title(), questionnaire.introduction(), Timestamp.from(now), partnership.value(),
                        questionnaire.id().value())
                .update();
        jdbc.sql("DELETE FROM surveys_section WHERE questionnaire_id = ?").param(questionnaire.id().value()).update();
        insertSections(questionnaire);
    }

    private void insertSections(Questionnaire questionnaire) {
        int sectionPosition = 0;
        for (var section : questionnaire.sections()) {
            jdbc.sql("INSERT INTO surveys_section (id, questionnaire_id, position, title, title_en) VALUES (?, ?, ?, ?, ?)")
                    .params(section.id(), questionnaire.id().value(), sectionPosition++, section.title().german(),
                            section.title().english())
                    .update();
            int questionPosition = 0;
            for (var question : section.questions()) {
                insertQuestion(questionnaire.id(), section.id(), questionPosition++, question);
            }
        }
        // Conditions point at questions that may come later in the list, so they follow once all rows exist.
        for (var question : questionnaire.questions()) {
            if (question.condition() != null) {
                jdbc.sql("UPDATE surveys_question SET condition_question_id = ?, condition_codes = ? WHERE id = ?")
                        .params(question.condition().question().value(),
                                question.condition().codes().stream().sorted().collect(Collectors.joining(",")),
                                question.id().value())
                        .update();
            }
        }
    }

    private void insertQuestion(QuestionnaireId questionnaire, UUID section, int position, Question question) {
        jdbc.sql("""
                INSERT INTO surveys_question (id, questionnaire_id, section_id, position, kind, text, text_en,
                    help_text, help_text_en, required, comparable_key, min_value, max_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(question.id().value(), questionnaire.value(), section, position, question.kind().name(),
                        question.text().german(), question.text().english(),
                        question.help() == null ? null : question.help().german(),
                        question.help() == null ? null : question.help().english(), question.required(),
                        question.comparableKey(), question.min(), question.max())
                .update();
        int optionPosition = 0;
        for (var option : question.options()) {
            jdbc.sql("INSERT INTO surveys_option (question_id, position, code, label, label_en) VALUES (?, ?, ?, ?, ?)")
                    .params(question.id().value(), optionPosition++, option.code(), option.label().german(),
                            option.label().english())
                    .update();
        }
    }

    /** Whether any response answers the questionnaire: then its questions and codes must stay as they are. */
    boolean answered(QuestionnaireId id) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM surveys_response r JOIN surveys_wave w ON w.id = r.wave_id
                               WHERE w.questionnaire_id = ?)""")
                .param(id.value()).query(Boolean.class).single();
    }
}
