package de.sipa.surveys;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

/**
 * Counts of a wave's answers per question, option and respondent cell (district, age band, gender), read from the
 * counts kept as responses arrive ({@link AnswerCounts}), so that weighting, the district filter and the cross tables
 * need no further query and no answer row is read; the free texts are read from the answers.
 */
@Repository
class ResultsRepository {

    /** One group of answers: how many chose the option (or gave the number) in the cell. */
    record AnswerCount(UUID question, String code, RespondentCell cell, long count) {
    }

    /** A free-text answer with the cell of its response. */
    record FreeText(UUID question, String text, UUID district) {
    }

    /** The respondents of one comparable question in one wave and district: all, and those who chose the codes. */
    record TrendCount(UUID wave, String title, LocalDate opensOn, UUID district, long hits, long answered) {
    }

    private final JdbcClient jdbc;

    ResultsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The wave's responses per respondent cell. */
    Map<RespondentCell, Long> respondents(SurveyWaveId wave) {
        var cells = new HashMap<RespondentCell, Long>();
        jdbc.sql("""
                SELECT district_id, age_band, gender, n FROM surveys_answer_count
                WHERE wave_id = ? AND question_id IS NULL AND n > 0""")
                .param(wave.value())
                .query(rs -> {
                    cells.merge(cell(rs), rs.getLong("n"), Long::sum);
                });
        return cells;
    }

    /** The answers given as an option or a number, counted per question, code and cell. */
    List<AnswerCount> counts(SurveyWaveId wave) {
        return jdbc.sql("""
                SELECT question_id, code, district_id, age_band, gender, n FROM surveys_answer_count
                WHERE wave_id = ? AND code IS NOT NULL AND n > 0""")
                .param(wave.value())
                .query((rs, n) -> new AnswerCount(rs.getObject("question_id", UUID.class), rs.getString("code"),
                        cell(rs), rs.getLong("n")))
                .list();
    }

    /** The answers of one question given as an option or a number, counted per code and cell. */
    List<AnswerCount> counts(SurveyWaveId wave, UUID question) {
        return jdbc.sql("""
                SELECT question_id, code, district_id, age_band, gender, n FROM surveys_answer_count
                WHERE wave_id = ? AND question_id = ? AND code IS NOT NULL AND n > 0""")
                .params(wave.value(), question)
                .query((rs, n) -> new AnswerCount(rs.getObject("question_id", UUID.class), rs.getString("code"),
                        cell(rs), rs.getLong("n")))
                .list();
    }

    /** How many responses answered each of the questions (a multiple choice has several rows per response). */
    List<AnswerCount> answered(SurveyWaveId wave, Collection<UUID> questions) {
        if (questions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT question_id, district_id, age_band, gender, n FROM surveys_answer_count
                WHERE wave_id = :wave AND question_id IN (:questions) AND code IS NULL AND n > 0""")
                .param("wave", wave.value()).param("questions", questions)
                .query((rs, n) -> new AnswerCount(rs.getObject("question_id", UUID.class), null, cell(rs),
                        rs.getLong("n")))
                .list();
    }

    private static RespondentCell cell(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RespondentCell(rs.getObject("district_id", UUID.class), rs.getString("age_band"),
                rs.getString("gender"));
    }

    /** A page of the free-text answers to the questions that contain the search, in a stable order. */
    List<FreeText> texts(SurveyWaveId wave, Collection<UUID> questions, UUID district, String search, int offset,
            int limit) {
        if (questions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT a.question_id, a.text_value, r.district_id FROM surveys_answer a
                JOIN surveys_response r ON r.id = a.response_id
                WHERE r.wave_id = :wave AND a.question_id IN (:questions) AND a.text_value IS NOT NULL
                  AND btrim(a.text_value) <> ''
                  AND (CAST(:district AS uuid) IS NULL OR r.district_id = CAST(:district AS uuid))
                  AND (CAST(:search AS text) IS NULL OR a.text_value ILIKE '%' || CAST(:search AS text) || '%')
                ORDER BY a.question_id, lower(a.text_value), a.response_id
                OFFSET :offset LIMIT :limit""")
                .param("wave", wave.value()).param("questions", questions).param("district", district)
                .param("search", search == null ? null : escapeLike(search)).param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> new FreeText(rs.getObject("question_id", UUID.class), rs.getString("text_value"),
                        rs.getObject("district_id", UUID.class)))
                .list();
    }

    long countTexts(SurveyWaveId wave, Collection<UUID> questions, UUID district, String search) {
        if (questions.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                SELECT count(*) FROM surveys_answer a JOIN surveys_response r ON r.id = a.response_id
                WHERE r.wave_id = :wave AND a.question_id IN (:questions) AND a.text_value IS NOT NULL
                  AND btrim(a.text_value) <> ''
                  AND (CAST(:district AS uuid) IS NULL OR r.district_id = CAST(:district AS uuid))
                  AND (CAST(:search AS text) IS NULL OR a.text_value ILIKE '%' || CAST(:search AS text) || '%')""")
                .param("wave", wave.value()).param("questions", questions).param("district", district)
                .param("search", search == null ? null : escapeLike(search))
                .query(Long.class).single();
    }

    /**
     * For every wave of the partnership whose questionnaire has a LIKERT question with the comparable key: per
     * district, how many answered it and how many chose one of the scale's two last points (e.g. "eher unsicher",
     * "sehr unsicher"). Questions without the key, or with another, are never read.
     */
    List<TrendCount> upperPoints(PartnershipId partnership, String comparableKey) {
        return jdbc.sql("""
                SELECT w.id, w.title, w.opens_on, c.district_id,
                       coalesce(sum(c.n) FILTER (WHERE c.code IN (q.max_value::text, (q.max_value - 1)::text)), 0)
                           AS hits,
                       sum(c.n) AS answered
                FROM surveys_wave w
                JOIN surveys_question q ON q.questionnaire_id = w.questionnaire_id AND q.comparable_key = ?
                     AND q.kind = 'LIKERT'
                JOIN surveys_answer_count c ON c.wave_id = w.id AND c.question_id = q.id AND c.code IS NOT NULL
                WHERE w.partnership_id = ?
                GROUP BY w.id, w.title, w.opens_on, c.district_id
                HAVING sum(c.n) > 0
                ORDER BY w.opens_on, w.title""")
                .params(comparableKey, partnership.value())
                .query((rs, n) -> new TrendCount(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getDate("opens_on").toLocalDate(), rs.getObject("district_id", UUID.class),
                        rs.getLong("hits"), rs.getLong("answered")))
                .list();
    }

    /** The comparable keys of LIKERT questions asked in at least one of the partnership's waves. */
    List<String> comparableScales(PartnershipId partnership) {
        return jdbc.sql("""
                SELECT DISTINCT q.comparable_key FROM surveys_question q
                JOIN surveys_wave w ON w.questionnaire_id = q.questionnaire_id
                WHERE w.partnership_id = ? AND q.comparable_key IS NOT NULL AND q.kind = 'LIKERT'
                ORDER BY q.comparable_key""")
                .param(partnership.value()).query(String.class).list();
    }

    Population population(PartnershipId partnership) {
        var districts = new HashMap<UUID, Long>();
        jdbc.sql("SELECT district_id, inhabitants FROM surveys_population_district WHERE partnership_id = ?")
                .param(partnership.value())
                .query(rs -> {
                    districts.put(rs.getObject("district_id", UUID.class), rs.getLong("inhabitants"));
                });
        var cells = new HashMap<Population.AgeGender, Long>();
        jdbc.sql("SELECT age_band, gender, inhabitants FROM surveys_population_cell WHERE partnership_id = ?")
                .param(partnership.value())
                .query(rs -> {
                    cells.put(new Population.AgeGender(rs.getString("age_band"), rs.getString("gender")),
                            rs.getLong("inhabitants"));
                });
        return new Population(districts, cells);
    }

    void replacePopulation(PartnershipId partnership, Population population) {
        jdbc.sql("DELETE FROM surveys_population_district WHERE partnership_id = ?").param(partnership.value()).update();
        jdbc.sql("DELETE FROM surveys_population_cell WHERE partnership_id = ?").param(partnership.value()).update();
        population.districts().forEach((district, inhabitants) -> jdbc.sql("""
                INSERT INTO surveys_population_district (partnership_id, district_id, inhabitants)
                SELECT ?, id, ? FROM partners_district WHERE partnership_id = ? AND id = ?""")
                .params(partnership.value(), inhabitants, partnership.value(), district).update());
        population.cells().forEach((cell, inhabitants) -> jdbc.sql("""
                INSERT INTO surveys_population_cell (partnership_id, age_band, gender, inhabitants) VALUES (?, ?, ?, ?)""")
                .params(partnership.value(), cell.ageBand(), cell.gender(), inhabitants).update());
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
