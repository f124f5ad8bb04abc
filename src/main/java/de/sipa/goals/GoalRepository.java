package de.sipa.goals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

/** The goals of a partnership, in the table {@code goals_goal}. */
@Repository
class GoalRepository {

    private static final String COLUMNS = """
            id, year, title, description, indicator, working_days, category_id, district_id, offence_group, measured,
            baseline, target, direction, owner_id""";

    private final JdbcClient jdbc;

    GoalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AnnualGoal> ofYear(PartnershipId partnership, int year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM goals_goal WHERE partnership_id = ? AND year = ? ORDER BY title, id")
                .params(partnership.value(), year).query((rs, n) -> goal(rs)).list();
    }

    /** The years that have goals, the latest first. */
    List<Integer> years(PartnershipId partnership) {
        return jdbc.sql("SELECT DISTINCT year FROM goals_goal WHERE partnership_id = ? ORDER BY year DESC")
                .param(partnership.value()).query(Integer.class).list();
    }

    Optional<AnnualGoal> find(PartnershipId partnership, AnnualGoalId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM goals_goal WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query((rs, n) -> goal(rs)).optional();
    }

    void insert(PartnershipId partnership, AnnualGoal goal, Instant at) {
        jdbc.sql("""
                INSERT INTO goals_goal (id, partnership_id, year, title, description, indicator, working_days,
                  category_id, district_id, offence_group, measured, baseline, target, direction, owner_id,
                  created_at, changed_at)
                VALUES (:id, :p, :year, :title, :description, :indicator, :days, :category, :district, :group,
                  :measured, :baseline, :target, :direction, :owner, :at, :at)""")
                .param("id", goal.id().value()).param("p", partnership.value()).params(values(goal))
                .param("at", Timestamp.from(at)).update();
    }

    void update(PartnershipId partnership, AnnualGoal goal, Instant at) {
        jdbc.sql("""
                UPDATE goals_goal SET year = :year, title = :title, description = :description, indicator = :indicator,
                  working_days = :days, category_id = :category, district_id = :district, offence_group = :group,
                  measured = :measured, baseline = :baseline, target = :target, direction = :direction,
                  owner_id = :owner, changed_at = :at
                WHERE partnership_id = :p AND id = :id""")
                .param("id", goal.id().value()).param("p", partnership.value()).params(values(goal))
                .param("at", Timestamp.from(at)).update();
    }

    void delete(PartnershipId partnership, AnnualGoalId id) {
        jdbc.sql("DELETE FROM goals_goal WHERE partnership_id = ? AND id = ?").params(partnership.value(), id.value())
                .update();
    }

    private static java.util.Map<String, Object> values(AnnualGoal goal) {
        var values = new java.util.HashMap<String, Object>();
        values.put("year", goal.year());
        values.put("title", goal.title());
        values.put("description", goal.description());
        values.put("indicator", goal.indicator().name());
        values.put("days", goal.workingDays());
        values.put("category", goal.category());
        values.put("district", goal.district() == null ? null : goal.district().value());
        values.put("group", goal.offenceGroup());
        values.put("measured", goal.measured());
        values.put("baseline", goal.baseline());
        values.put("target", goal.target());
        values.put("direction", goal.direction().name());
        values.put("owner", goal.owner() == null ? null : goal.owner().value());
        return values;
    }

    private static AnnualGoal goal(ResultSet rs) throws SQLException {
        var district = rs.getObject("district_id", UUID.class);
        var owner = rs.getObject("owner_id", UUID.class);
        return new AnnualGoal(new AnnualGoalId(rs.getObject("id", UUID.class)), rs.getInt("year"),
                rs.getString("title"), rs.getString("description"), Indicator.valueOf(rs.getString("indicator")),
                (Integer) rs.getObject("working_days"), rs.getObject("category_id", UUID.class),
                district == null ? null : new DistrictId(district), rs.getString("offence_group"),
                rs.getBigDecimal("measured"), rs.getBigDecimal("baseline"), rs.getBigDecimal("target"),
                Direction.valueOf(rs.getString("direction")), owner == null ? null : new OrganisationId(owner));
    }

}
