package de.sipa.surveys;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

/**
 * Writes many complete responses at once, as multi-row INSERTs of a few hundred rows: for generated demo responses
 * and benchmarks, which would take minutes one statement per answer. The wave's answer counts are rebuilt after.
 */
@Repository
class ResponseBatch {

    /** A response with its demographic cell and its answers. */
    record Response(LocalDate submittedOn, String source, UUID district, String ageBand, String gender,
            List<Answer> answers) {

        /**
         * A response as stored from a questionnaire's normalised answers: the district, age band and gender on the
         * response, the others as answer rows. A district or number that cannot be read is left out (the rules have
         * refused such an answer already).
         */
        static Response of(Questionnaire questionnaire, Map<QuestionId, List<String>> given, LocalDate submittedOn,
                String source) {
            UUID district = null;
            String ageBand = null;
            String gender = null;
            var answers = new ArrayList<Answer>();
            for (var question : questionnaire.questions()) {
                var values = given.getOrDefault(question.id(), List.of());
                if (values.isEmpty()) {
                    continue;
                }
                var id = question.id().value();
                switch (question.kind()) {
                    case DISTRICT -> district = uuid(values.get(0));
                    case AGE_BAND -> ageBand = values.get(0);
                    case GENDER -> gender = values.get(0);
                    case NUMBER -> answers.add(new Answer(id, null, number(values.get(0)), null));
                    case FREE_TEXT -> answers.add(new Answer(id, null, null, values.get(0)));
                    default -> values.forEach(code -> answers.add(new Answer(id, code, null, null)));
                }
            }
            return new Response(submittedOn, source, district, ageBand, gender, answers);
        }

        private static UUID uuid(String value) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static Integer number(String value) {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** One answer row: exactly one of option, number and text. */
    record Answer(UUID question, String option, Integer number, String text) {
    }

    private static final int RESPONSES_PER_STATEMENT = 500;
    private static final int ANSWERS_PER_STATEMENT = 2000;

    private final JdbcClient jdbc;
    private final AnswerCounts counts;

    ResponseBatch(JdbcClient jdbc, AnswerCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    void insert(PartnershipId partnership, SurveyWaveId wave, List<Response> responses) {
        var ids = new ArrayList<UUID>();
        for (int from = 0; from < responses.size(); from += RESPONSES_PER_STATEMENT) {
            var chunk = responses.subList(from, Math.min(responses.size(), from + RESPONSES_PER_STATEMENT));
            var sql = new StringBuilder("""
                    INSERT INTO surveys_response (id, partnership_id, wave_id, submitted_on, source, district_id,
                        age_band, gender) VALUES """);
            var params = new ArrayList<Object>();
            for (var response : chunk) {
                var id = UUID.randomUUID();
                ids.add(id);
                sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
                params.addAll(java.util.Arrays.asList(id, partnership.value(), wave.value(),
                        Date.valueOf(response.submittedOn()), response.source(), response.district(),
                        response.ageBand(), response.gender()));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
        var sql = new StringBuilder();
        var params = new ArrayList<Object>();
        int rows = 0;
        for (int i = 0; i < responses.size(); i++) {
            for (var answer : responses.get(i).answers()) {
                sql.append(rows == 0 ? "INSERT INTO surveys_answer (response_id, question_id, option_code, number_value, "
                        + "text_value) VALUES (?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
                params.addAll(java.util.Arrays.asList(ids.get(i), answer.question(), answer.option(), answer.number(),
                        answer.text()));
                if (++rows == ANSWERS_PER_STATEMENT) {
                    jdbc.sql(sql.toString()).params(params).update();
                    sql.setLength(0);
                    params.clear();
                    rows = 0;
                }
            }
        }
        if (rows > 0) {
            jdbc.sql(sql.toString()).params(params).update();
        }
        counts.rebuild(wave);
    }
}
