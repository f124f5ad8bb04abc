package de.sipa.surveys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

/**
 * A wave's answers counted per question, answer code and respondent cell (table surveys_answer_count, see V100), which
 * the results read instead of every answer row. A web response adds its counts in the transaction that stores it; a
 * batch of responses (import, demo, benchmark) rebuilds the wave's counts from its answers.
 */
@Repository
class AnswerCounts {

    /** One counted answer of a response: an option code or a number as text (free texts are not counted). */
    record Counted(UUID question, String code) {
    }

    /** Rows in a fixed order, so that responses sent at the same moment lock the rows they share in the same order. */
    private static final Comparator<Counted> ORDER = Comparator
            .comparing(Counted::question, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Counted::code, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final JdbcClient jdbc;

    AnswerCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one response with its counted answers to the wave's counts. */
    void add(PartnershipId partnership, SurveyWaveId wave, RespondentCell cell, List<Counted> answers) {
        var rows = new TreeMap<Counted, Long>(ORDER);
        rows.put(new Counted(null, null), 1L);
        for (var answer : answers) {
            Objects.requireNonNull(answer.code());
            rows.putIfAbsent(new Counted(answer.question(), null), 1L);
            rows.merge(answer, 1L, Long::sum);
        }
        var sql = new StringBuilder("""
                INSERT INTO surveys_answer_count (partnership_id, wave_id, question_id, code, district_id, age_band,
                    gender, n) VALUES """);
        var params = new ArrayList<Object>();
        rows.forEach((row, n) -> {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(partnership.value(), wave.value(), row.question(), row.code(),
                    cell.district(), cell.ageBand(), cell.gender(), n));
        });
        sql.append("""
                 ON CONFLICT ON CONSTRAINT surveys_answer_count_key
                DO UPDATE SET n = surveys_answer_count.n + EXCLUDED.n""");
        jdbc.sql(sql.toString()).params(params).update();
    }

    /** Counts the wave's answers again from its responses, e.g. after responses were written as a batch. */
    void rebuild(SurveyWaveId wave) {
        jdbc.sql("DELETE FROM surveys_answer_count WHERE wave_id = ?").param(wave.value()).update();
        jdbc.sql("""
                INSERT INTO surveys_answer_count (partnership_id, wave_id, question_id, code, district_id, age_band,
                    gender, n)
                SELECT r.partnership_id, r.wave_id, NULL, NULL, r.district_id, r.age_band, r.gender, count(*)
                FROM surveys_response r WHERE r.wave_id = :wave
                GROUP BY r.partnership_id, r.wave_id, r.district_id, r.age_band, r.gender
                UNION ALL
                SELECT r.partnership_id, r.wave_id, x.question_id, NULL, r.district_id, r.age_band, r.gender, count(*)
                FROM surveys_response r
                JOIN (SELECT DISTINCT a.response_id, a.question_id FROM surveys_answer a
                      JOIN surveys_response r2 ON r2.id = a.response_id
                      WHERE r2.wave_id = :wave AND a.text_value IS NULL) x ON x.response_id = r.id
                WHERE r.wave_id = :wave
                GROUP BY r.partnership_id, r.wave_id, x.question_id, r.district_id, r.age_band, r.gender
                UNION ALL
                SELECT r.partnership_id, r.wave_id, a.question_id, coalesce(a.option_code, a.number_value::text),
                       r.district_id, r.age_band, r.gender, count(*)
                FROM surveys_response r JOIN surveys_answer a ON a.response_id = r.id AND a.text_value IS NULL
                WHERE r.wave_id = :wave
                GROUP BY r.partnership_id, r.wave_id, a.question_id, coalesce(a.option_code, a.number_value::text),
                         r.district_id, r.age_band, r.gender""")
                .param("wave", wave.value()).update();
    }
}
