package de.sipa.surveys;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvitationCodeRepository {

    private final JdbcClient jdbc;

    InvitationCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the codes the wave does not have yet; returns how many were new. */
    int insertNew(SurveyWaveId wave, Collection<String> codes) {
        return jdbc.sql("""
                INSERT INTO surveys_invitation_code (wave_id, code)
                SELECT ?, c FROM unnest(?::varchar[]) AS c ON CONFLICT DO NOTHING""")
                .params(wave.value(), codes.toArray(String[]::new)).update();
    }

    InvitationCodes.Counts counts(SurveyWaveId wave) {
        return jdbc.sql("SELECT count(*) AS total, count(*) FILTER (WHERE used) AS used FROM surveys_invitation_code "
                + "WHERE wave_id = ?")
                .param(wave.value())
                .query((rs, n) -> new InvitationCodes.Counts(rs.getInt("total"), rs.getInt("used"))).single();
    }

    List<InvitationCodes.Code> all(SurveyWaveId wave) {
        return jdbc.sql("SELECT code, used FROM surveys_invitation_code WHERE wave_id = ? ORDER BY code")
                .param(wave.value())
                .query((rs, n) -> new InvitationCodes.Code(rs.getString("code"), rs.getBoolean("used"))).list();
    }
}
