package de.sipa.volunteers;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.partners.PersonId;
import de.sipa.prevention.ProjectId;
import de.sipa.shared.PartnershipId;

@Repository
class OfferRepository {

    private static final RowMapper<VolunteerOffer> OFFER = (rs, n) -> new VolunteerOffer(
            new VolunteerOfferId(rs.getObject("id", UUID.class)), rs.getString("title"), rs.getString("description"),
            rs.getString("schedule"), rs.getString("location"), rs.getString("time_commitment"),
            rs.getInt("people_wanted"), new PersonId(rs.getObject("contact_person_id", UUID.class)),
            project(rs.getObject("project_id", UUID.class)), OfferStatus.valueOf(rs.getString("status")),
            rs.getDate("engagement_ends").toLocalDate(), rs.getTimestamp("created_at").toInstant());

    private static ProjectId project(UUID id) {
        return id == null ? null : new ProjectId(id);
    }

    private static UUID projectValue(VolunteerOffer offer) {
        return offer.project() == null ? null : offer.project().value();
    }

    private final JdbcClient jdbc;

    OfferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The partnership's offers: published first, then drafts, then closed; the soonest ending first. */
    List<VolunteerOffer> all(PartnershipId partnership) {
        return jdbc.sql("""
                SELECT * FROM volunteers_offer WHERE partnership_id = ?
                ORDER BY CASE status WHEN 'PUBLISHED' THEN 0 WHEN 'DRAFT' THEN 1 ELSE 2 END, engagement_ends, title""")
                .param(partnership.value()).query(OFFER).list();
    }

    List<VolunteerOffer> published(PartnershipId partnership, LocalDate today) {
        return jdbc.sql("""
                SELECT * FROM volunteers_offer WHERE partnership_id = ? AND status = 'PUBLISHED'
                    AND engagement_ends >= ? ORDER BY engagement_ends, title""")
                .params(partnership.value(), Date.valueOf(today)).query(OFFER).list();
    }

    /** The partnership's offers of the project, in the order of {@link #all}. */
    List<VolunteerOffer> ofProject(PartnershipId partnership, ProjectId project) {
        return jdbc.sql("""
                SELECT * FROM volunteers_offer WHERE partnership_id = ? AND project_id = ?
                ORDER BY CASE status WHEN 'PUBLISHED' THEN 0 WHEN 'DRAFT' THEN 1 ELSE 2 END, engagement_ends, title""")
                .params(partnership.value(), project.value()).query(OFFER).list();
    }

    Optional<VolunteerOffer> find(PartnershipId partnership, VolunteerOfferId id) {
        return jdbc.sql("SELECT * FROM volunteers_offer WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(OFFER).optional();
    }

    void insert(PartnershipId partnership, VolunteerOffer offer, Instant now) {
        jdbc.sql("""
                INSERT INTO volunteers_offer (id, partnership_id, title, description, schedule, location,
                    time_commitment, people_wanted, contact_person_id, project_id, status, engagement_ends,
                    created_at, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(offer.id().value(), partnership.value(), offer.title(), offer.description(), offer.schedule(),
                        offer.location(), offer.timeCommitment(), offer.peopleWanted(), offer.contactPerson().value(),
                        projectValue(offer), offer.status().name(), Date.valueOf(offer.engagementEnds()),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    void update(PartnershipId partnership, VolunteerOffer offer, Instant now) {
        jdbc.sql("""
                UPDATE volunteers_offer SET title = ?, description = ?, schedule = ?, location = ?,
                    time_commitment = ?, people_wanted = ?, contact_person_id = ?, project_id = ?, status = ?,
                    engagement_ends = ?, changed_at = ?
                WHERE partnership_id = ? AND id = ?""")
                .params(offer.title(), offer.description(), offer.schedule(), offer.location(),
                        offer.timeCommitment(), offer.peopleWanted(), offer.contactPerson().value(),
                        projectValue(offer), offer.status().name(), Date.valueOf(offer.engagementEnds()),
                        Timestamp.from(now), partnership.value(), offer.id().value())
                .update();
    }

    /** The anonymous figures of every offer of the partnership that has sign-ups. */
    Map<VolunteerOfferId, OfferFigures> figures(PartnershipId partnership) {
        var figures = new HashMap<VolunteerOfferId, OfferFigures>();
        jdbc.sql("""
                SELECT offer_id,
                       count(*) FILTER (WHERE status <> 'UNCONFIRMED') AS signed_up,
                       count(*) FILTER (WHERE status IN ('ACCEPTED', 'ASSIGNED')) AS taken_on,
                       count(*) FILTER (WHERE status = 'UNCONFIRMED') AS unconfirmed,
                       coalesce(sum(hours), 0) AS hours
                FROM volunteers_sign_up WHERE partnership_id = ? GROUP BY offer_id""")
                .param(partnership.value())
                .query(rs -> {
                    figures.put(new VolunteerOfferId(rs.getObject("offer_id", UUID.class)), new OfferFigures(
                            rs.getInt("signed_up"), rs.getInt("taken_on"), rs.getInt("unconfirmed"),
                            rs.getBigDecimal("hours") == null ? BigDecimal.ZERO : rs.getBigDecimal("hours")));
                });
        return figures;
    }
}
