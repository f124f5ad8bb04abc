package de.sipa.prevention;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.partners.DistrictId;
import de.sipa.places.PlaceId;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class ProjectRepository {

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }


    List<PreventionProject> all(PartnershipId partnership) {
        return load(partnership, null);
    }

    Optional<PreventionProject> find(PartnershipId partnership, ProjectId id) {
        return load(partnership, id).stream().findFirst();
    }

    void publish(PartnershipId partnership, ProjectId id, boolean published, Instant now) {
        jdbc.sql("UPDATE prevention_project SET published = ?, changed_at = ? WHERE partnership_id = ? AND id = ?")
                .params(published, Timestamp.from(now), partnership.value(), id.value()).update();
    }

    boolean published(PartnershipId partnership, ProjectId id) {
        return jdbc.sql("SELECT published FROM prevention_project WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(Boolean.class).optional().orElse(false);
    }

    Set<ProjectId> publishedIds(PartnershipId partnership) {
        return jdbc.sql("SELECT id FROM prevention_project WHERE partnership_id = ? AND published")
                .param(partnership.value()).query((rs, n) -> new ProjectId(rs.getObject("id", UUID.class))).set();
    }

    boolean titleTaken(PartnershipId partnership, String title, ProjectId except) {
        return jdbc.sql("SELECT count(*) FROM prevention_project WHERE partnership_id = ? AND lower(title) = lower(?) AND id <> ?")
                .params(partnership.value(), title, except.value()).query(Long.class).single() > 0;
    }

    private List<PreventionProject> load(PartnershipId partnership, ProjectId only) {
        String where = " WHERE p.partnership_id = :p" + (only == null ? "" : " AND p.id = :id");
        var projects = jdbc.sql("SELECT p.* FROM prevention_project p" + where + " ORDER BY p.title")
                .param("p", partnership.value()).param("id", only == null ? null : only.value())
                .query((rs, n) -> {
                    var lead = rs.getObject("lead_organisation_id", UUID.class);
                    var starts = rs.getDate("starts_on");
                    var ends = rs.getDate("ends_on");
                    return new PreventionProject(new ProjectId(rs.getObject("id", UUID.class)), rs.getString("title"),
                            lead == null ? null : new OrganisationId(lead), new ArrayList<>(),
                            PreventionField.valueOf(rs.getString("field")), groups(rs.getString("target_groups")),
                            rs.getString("summary"), new ArrayList<>(), new ArrayList<>(),
                            starts == null ? null : starts.toLocalDate(), ends == null ? null : ends.toLocalDate(),
                            new ArrayList<>(), ProjectStatus.valueOf(rs.getString("status")),
                            rs.getString("contact_person"),
                            new Evidence(rs.getString("programme_name"), rs.getString("programme_url"),
                                    rs.getString("evidence_registry"),
                                    EvidenceLevel.valueOf(rs.getString("evidence_level"))),
                            new EnumMap<>(BeccariaStep.class), rs.getTimestamp("created_at").toInstant());
                })
                .list();
        if (projects.isEmpty()) {
            return projects;
        }
        var byId = new HashMap<UUID, PreventionProject>();
        projects.forEach(p -> byId.put(p.id().value(), p));
        String join = " JOIN prevention_project p ON p.id = x.project_id" + where;
        child("SELECT x.project_id, x.organisation_id AS v FROM prevention_project_partner x" + join, partnership, only,
                (p, rs) -> p.partners().add(new OrganisationId(rs.getObject("v", UUID.class))), byId);
        child("SELECT x.project_id, x.district_id AS v FROM prevention_project_district x"
                + " JOIN partners_district d ON d.id = x.district_id" + join + " ORDER BY d.position, d.name",
                partnership, only, (p, rs) -> p.districts().add(new DistrictId(rs.getObject("v", UUID.class))), byId);
        child("SELECT x.project_id, x.place_id AS v FROM prevention_project_place x" + join, partnership, only,
                (p, rs) -> p.places().add(new PlaceId(rs.getObject("v", UUID.class))), byId);
        child("SELECT x.project_id, x.source, x.amount FROM prevention_funding x" + join + " ORDER BY x.position",
                partnership, only, (p, rs) -> p.funding().add(new Funding(rs.getString("source"), rs.getBigDecimal("amount"))),
                byId);
        child("SELECT x.project_id, x.step, x.field, x.text FROM prevention_step_field x" + join, partnership, only,
                (p, rs) -> p.steps().computeIfAbsent(BeccariaStep.valueOf(rs.getString("step")), s -> new HashMap<>())
                        .put(rs.getString("field"), rs.getString("text")), byId);
        return projects;
    }

    private interface ChildRow {
        void add(PreventionProject project, java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private void child(String sql, PartnershipId partnership, ProjectId only, ChildRow row,
            Map<UUID, PreventionProject> byId) {
        jdbc.sql(sql).param("p", partnership.value()).param("id", only == null ? null : only.value())
                .query(rs -> {
                    var project = byId.get(rs.getObject("project_id", UUID.class));
                    if (project != null) {
                        row.add(project, rs);
                    }
                });
    }

    private static Set<TargetGroup> groups(String text) {
        var groups = EnumSet.noneOf(TargetGroup.class);
        Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).forEach(s -> groups.add(TargetGroup.valueOf(s)));
        return groups;
    }

    private static String groupsText(Set<TargetGroup> groups) {
        return groups.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    void insert(PartnershipId partnership, PreventionProject project, Instant now) {
        jdbc.sql("""
                INSERT INTO prevention_project (id, partnership_id, title, lead_organisation_id, field, target_groups,
                    summary, starts_on, ends_on, status, contact_person, programme_name, programme_url,
                    evidence_registry, evidence_level, created_at, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(project.id().value(), partnership.value(), project.title(),
                        project.lead() == null ? null : project.lead().value(), project.field().name(),
                        groupsText(project.targetGroups()), project.summary(), date(project.startsOn()),
                        date(project.endsOn()), project.status().name(), project.contactPerson(),
                        project.evidence().programme(), project.evidence().url(), project.evidence().registry(),
                        project.evidence().level().name(), Timestamp.from(now), Timestamp.from(now))
                .update();
        writeLists(project);
    }

    void update(PartnershipId partnership, PreventionProject project, Instant now) {
        jdbc.sql("""
                UPDATE prevention_project SET title = ?, lead_organisation_id = ?, field = ?, target_groups = ?,
                    summary = ?, starts_on = ?, ends_on = ?, status = ?, contact_person = ?, programme_name = ?,
                    programme_url = ?, evidence_registry = ?, evidence_level = ?, changed_at = ?
                WHERE partnership_id = ? AND id = ?""")
                .params(project.title(), project.lead() == null ? null : project.lead().value(),
                        project.field().name(), groupsText(project.targetGroups()), project.summary(),
                        date(project.startsOn()), date(project.endsOn()), project.status().name(),
                        project.contactPerson(), project.evidence().programme(), project.evidence().url(),
                        project.evidence().registry(), project.evidence().level().name(), Timestamp.from(now),
                        partnership.value(), project.id().value())
                .update();
        for (var table : List.of("prevention_project_partner", "prevention_project_district",
                "prevention_project_place", "prevention_funding")) {
            jdbc.sql("DELETE FROM " + table + " WHERE project_id = ?").param(project.id().value()).update();
        }
        writeLists(project);
    }

    private void writeLists(PreventionProject project) {
        var id = project.id().value();
        project.partners().stream().distinct().forEach(o -> jdbc.sql(
                "INSERT INTO prevention_project_partner (project_id, organisation_id) VALUES (?, ?)")
                .params(id, o.value()).update());
        project.districts().stream().distinct().forEach(d -> jdbc.sql(
                "INSERT INTO prevention_project_district (project_id, district_id) VALUES (?, ?)")
                .params(id, d.value()).update());
        project.places().stream().distinct().forEach(p -> jdbc.sql(
                "INSERT INTO prevention_project_place (project_id, place_id) VALUES (?, ?)")
                .params(id, p.value()).update());
        for (int i = 0; i < project.funding().size(); i++) {
            var f = project.funding().get(i);
            jdbc.sql("INSERT INTO prevention_funding (project_id, position, source, amount) VALUES (?, ?, ?, ?)")
                    .params(id, i, f.source(), f.amount()).update();
        }
    }

    /** Replaces the texts of one step's fields; an empty text removes the field. */
    void writeStep(ProjectId project, BeccariaStep step, Map<String, String> texts) {
        for (var entry : new LinkedHashMap<>(texts).entrySet()) {
            jdbc.sql("DELETE FROM prevention_step_field WHERE project_id = ? AND step = ? AND field = ?")
                    .params(project.value(), step.name(), entry.getKey()).update();
            if (entry.getValue() != null && !entry.getValue().isBlank()) {
                jdbc.sql("INSERT INTO prevention_step_field (project_id, step, field, text) VALUES (?, ?, ?, ?)")
                        .params(project.value(), step.name(), entry.getKey(), entry.getValue().strip()).update();
            }
        }
    }

    private static Date date(java.time.LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
