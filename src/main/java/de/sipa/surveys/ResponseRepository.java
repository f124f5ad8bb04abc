package de.sipa.surveys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

/**
 * Stores web responses, claims invitation codes and remembers the devices of open waves. Nothing written here links
 * a code or a device to the response it allowed.
 */
@Repository
class ResponseRepository {

    private final JdbcClient jdbc;
    private final AnswerCounts counts;

    ResponseRepository(JdbcClient jdbc, AnswerCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    /** A code as printed or typed, compared without blanks, dashes and case. */
    static String normalisedCode(String code) {
        return code == null ? "" : code.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    /** Whether the code was used: empty if the wave has no such code. */
    Optional<Boolean> codeUsed(SurveyWaveId wave, String code) {
        return jdbc.sql("""
                SELECT used FROM surveys_invitation_code
                WHERE wave_id = ? AND regexp_replace(upper(code), '[^A-Z0-9]', '', 'g') = ?""")
                .params(wave.value(), normalisedCode(code)).query(Boolean.class).optional();
    }

    /** Marks the code used; false if it is unknown or was used, also by a response sent at the same moment. */
    boolean claimCode(SurveyWaveId wave, String code) {
        return jdbc.sql("""
                UPDATE surveys_invitation_code SET used = TRUE
                WHERE wave_id = ? AND regexp_replace(upper(code), '[^A-Z0-9]', '', 'g') = ? AND NOT used""")
                .params(wave.value(), normalisedCode(code)).update() == 1;
    }

    boolean deviceAnswered(SurveyWaveId wave, String token) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM surveys_device WHERE wave_id = ? AND device_hash = ?)")
                .params(wave.value(), hash(token)).query(Boolean.class).single();
    }

    /** Remembers that the device answered; false if it had. */
    boolean claimDevice(SurveyWaveId wave, String token) {
        return jdbc.sql("INSERT INTO surveys_device (wave_id, device_hash) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(wave.value(), hash(token)).update() == 1;
    }

    /** Stores one response (its day only) with its answers, and adds them to the wave's answer counts. */
    void insert(PartnershipId partnership, SurveyWaveId wave, ResponseBatch.Response response) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO surveys_response (id, partnership_id, wave_id, submitted_on, source, district_id, age_band,
                    gender)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, partnership.value(), wave.value(), Date.valueOf(response.submittedOn()), response.source(),
                        response.district(), response.ageBand(), response.gender())
                .update();
        var answers = response.answers();
        counts.add(partnership, wave, new RespondentCell(response.district(), response.ageBand(), response.gender()),
                answers.stream().filter(a -> a.text() == null)
                        .map(a -> new AnswerCounts.Counted(a.question(),
                                a.option() != null ? a.option() : a.number().toString()))
                        .toList());
        if (answers.isEmpty()) {
            return;
        }
        // One statement for all answers of the response.
        var sql = new StringBuilder(
                "INSERT INTO surveys_answer (response_id, question_id, option_code, number_value, text_value) VALUES ");
        var params = new ArrayList<Object>();
        for (int i = 0; i < answers.size(); i++) {
            var answer = answers.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
            params.add(id);
            params.add(answer.question());
            params.add(answer.option());
            params.add(answer.number());
            params.add(answer.text());
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /** The device's token is needed only to recognise it again: it is not stored as it came. */
    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
