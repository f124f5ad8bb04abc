package de.sipa.surveys;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

@Repository
class SurveyWaveRepository {

    private static final RowMapper<SurveyWave> WAVE = (rs, n) -> new SurveyWave(
            new SurveyWaveId(rs.getObject("id", UUID.class)),
            new QuestionnaireId(rs.getObject("questionnaire_id", UUID.class)), rs.getString("title"),
            rs.getDate("opens_on").toLocalDate(), rs.getDate("closes_on").toLocalDate(),
            WaveMode.valueOf(rs.getString("mode")), rs.getBoolean("closed"));

    private final JdbcClient jdbc;

    SurveyWaveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The partnership's waves, the latest first. */
    List<SurveyWave> all(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM surveys_wave WHERE partnership_id = ? ORDER BY opens_on DESC, title")
                .param(partnership.value()).query(WAVE).list();
    }

    Optional<SurveyWave> find(PartnershipId partnership, SurveyWaveId id) {
        return jdbc.sql("SELECT * FROM surveys_wave WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(WAVE).optional();
    }

    boolean titleTaken(PartnershipId partnership, String title, SurveyWaveId except) {
        return jdbc.sql("SELECT count(*) FROM surveys_wave WHERE partnership_id = ? AND lower(title) = lower(?) AND id <> ?")
                .params(partnership.value(), title, except.value()).query(Long.class).single() > 0;
    }

    void insert(PartnershipId partnership, SurveyWave wave, Instant now) {
        jdbc.sql("""
                INSERT INTO surveys_wave (id, partnership_id, questionnaire_id, title, opens_on, closes_on, mode, closed,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(wave.id().value(), partnership.value(), wave.questionnaire().value(), wave.title(),
                        Date.valueOf(wave.opensOn()), Date.valueOf(wave.closesOn()), wave.mode().name(), wave.closed(),
                        Timestamp.from(now))
                .update();
    }

    void update(PartnershipId partnership, SurveyWave wave) {
        jdbc.sql("""
                UPDATE surveys_wave SET questionnaire_id = ?, title = ?, opens_on = ?, closes_on = ?, mode = ?, closed = ?
                WHERE partnership_id = ? AND id = ?""")
                .params(wave.questionnaire().value(), wave.title(), Date.valueOf(wave.opensOn()),
                        Date.valueOf(wave.closesOn()), wave.mode().name(), wave.closed(), partnership.value(),
                        wave.id().value())
                .update();
    }

    int responses(SurveyWaveId id) {
        return jdbc.sql("SELECT count(*) FROM surveys_response WHERE wave_id = ?").param(id.value())
                .query(Integer.class).single();
    }
}
