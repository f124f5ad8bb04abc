package de.sipa.reports;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisation;
import de.sipa.partners.OrganisationKind;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.responsibilities.Leadership;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.ReviewFlag;
import de.sipa.responsibilities.TopicId;
import de.sipa.shared.DemoStory;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Musterstadt's categories of concern, one with required list answers and one moderated (graffiti), and two years
 * of the contact point's history ({@link ReportHistory}): some 3,500 reports with their events, written in one
 * transaction by PostgreSQL's COPY so that the demo loads in well under a second.
 */
@Component
@Profile("demo")
@Order(20)
class ReportsDemo implements ApplicationRunner {

    /** Code, name, topic name (empty: coordinator), service level days, moderated, keywords. */
    private static final String[][] CATEGORIES = {
        {"laerm", "Lärm und Ruhestörung", "Lärm und Ruhestörung in Grünanlagen", "2", "false", "laut musik party feier grölen"},
        {"muell", "Vermüllung und Verwahrlosung", "Vermüllung und Verwahrlosung öffentlicher Flächen", "5", "false", "müll abfall scherben sperrmüll dreck"},
        {"drogen", "Drogenkonsum oder -handel", "Drogenkonsum im öffentlichen Raum", "2", "false", "drogen spritzen dealer kiffen"},
        {"beleuchtung", "Dunkle Ecke, defekte Beleuchtung", "Beleuchtung und Angsträume", "5", "false", "dunkel licht laterne angst"},
        {"betteln", "Aggressives Betteln", "Aggressives Betteln", "3", "false", "betteln bedrängen geld"},
        {"alkohol", "Trinkergruppe, Alkohol im öffentlichen Raum", "Alkoholkonsum auf öffentlichen Plätzen", "3", "false", "alkohol bier trinken betrunken"},
        {"graffiti", "Graffiti und Schmierereien", "Graffiti und wildes Plakatieren", "10", "true", "graffiti schmiererei farbe sprayer"},
        {"haltestelle", "Unsicherheit an Haltestelle oder Bahnhof", "Sicherheit an Haltestellen und im Nahverkehr", "3", "false", "haltestelle bahn bus bahnhof"},
        {"sonstiges", "Sonstiges", "", "3", "false", ""},
    };

    private static final Logger log = LoggerFactory.getLogger(ReportsDemo.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Organisations whose staff log in as themselves; the others' staff are named after a person of theirs. */
    private static final Map<String, String> ACCOUNTS = Map.of("Polizeipräsidium Musterstadt", "polizei",
            "Amt für öffentliche Ordnung", "ordnungsamt", "Jugendamt", "jugendamt",
            "Stadt Musterstadt – Kommunale Kriminalprävention", ReportHistory.COORDINATION);
    private static final Set<OrganisationKind> AROUND_THE_CLOCK = Set.of(OrganisationKind.POLICE_HEADQUARTERS,
            OrganisationKind.POLICE_INSPECTION, OrganisationKind.FEDERAL_POLICE);

    private final Partnerships partnerships;
    private final Organisations organisations;
    private final People people;
    private final Responsibilities responsibilities;
    private final CategoryRepository categories;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DemoStory story;

    ReportsDemo(Partnerships partnerships, Organisations organisations, People people,
            Responsibilities responsibilities, CategoryRepository categories, JdbcClient jdbc, DataSource dataSource,
            TransactionTemplate transaction, Clock clock, DemoStory story) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.people = people;
        this.responsibilities = responsibilities;
        this.categories = categories;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.clock = clock;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty() || !categories.all(musterstadt.get().id()).isEmpty()) {
            return;
        }
        var partnership = musterstadt.get().id();
        CurrentUser.runAs(SipaUser.system(partnership), () -> transaction.executeWithoutResult(s -> load(partnership)));
    }

    private void load(PartnershipId partnership) {
        Map<String, TopicId> topics = new HashMap<>();
        responsibilities.topics().forEach(t -> topics.put(t.name(), t.id()));
        int position = 0;
        for (var c : CATEGORIES) {
            var attributes = switch (c[0]) {
                case "laerm" -> List.of(new CategoryAttribute("uhrzeit", AttributeType.DATETIME, false,
                        "Uhrzeit der Beobachtung", List.of()));
                case "drogen" -> List.of(new CategoryAttribute("art", AttributeType.SINGLEVALUELIST, true,
                        "Was haben Sie beobachtet?", List.of(new CategoryAttribute.Choice("konsum", "Konsum"),
                                new CategoryAttribute.Choice("handel", "Handel"),
                                new CategoryAttribute.Choice("spritzen", "Spritzen oder Utensilien gefunden"))));
                case "alkohol" -> List.of(new CategoryAttribute("anzahl", AttributeType.NUMBER, true,
                        "Anzahl Personen", List.of()));
                default -> List.<CategoryAttribute>of();
            };
            var topic = c[2].isEmpty() ? null : topics.get(c[2]);
            if (!c[2].isEmpty() && topic == null) {
                throw new IllegalStateException("Demo topic missing: " + c[2]);
            }
            // "Sonstiges" says nothing without a description; the other categories do (GeoReport v2 makes it optional).
            var category = new Category(CategoryId.random(), c[0], c[1], null, topic, Integer.parseInt(c[3]),
                    Boolean.parseBoolean(c[4]), c[5], true, attributes, c[0].equals("sonstiges"));
            categories.insert(partnership, category, position++);
        }
        long begun = System.nanoTime();
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBegun = cpu.getCurrentThreadCpuTime();
        var history = new ReportHistory(story, clock.instant(), clock.getZone(),
                partnerships.holidays(partnership), categories.all(partnership), new DemoGeography(partnerships.districts()),
                DemoTexts.load("/demo/musterstadt-reports.txt"), city()).write();
        history.number(count -> jdbc.sql("SELECT nextval('reports_public_number') FROM generate_series(1, ?)")
                .param(count).query(Long.class).list().stream().sorted().toList());
        copy(partnership, history.rows());
        for (var handBack : history.handBacks()) {
            var report = handBack.report();
            if (report.category.topic() != null) {
                responsibilities.flagForReview(new ReviewFlag(report.category.topic(), report.district,
                        handBack.organisation(), handBack.reason(), "Anliegen " + report.publicId, handBack.at()));
            }
        }
        jdbc.sql("ANALYZE reports_report").update();
        jdbc.sql("ANALYZE reports_event").update();
        log.info("Demo contact point: {} reports with {} events in {} ms ({} ms CPU in this thread)",
                history.rows().size(), history.rows().stream().mapToInt(r -> r.events.size()).sum(),
                (System.nanoTime() - begun) / 1_000_000, (cpu.getCurrentThreadCpuTime() - cpuBegun) / 1_000_000);
    }

    /** What the history asks of the rest of SiPa: the matrix, the organisations and who works for them. */
    private ReportHistory.City city() {
        Map<String, Organisation> byName = new HashMap<>();
        Map<OrganisationId, Organisation> byId = new HashMap<>();
        organisations.all().forEach(o -> {
            byName.put(o.name(), o);
            byId.put(o.id(), o);
        });
        Map<OrganisationId, String> staff = new HashMap<>();
        return new ReportHistory.City() {
            @Override
            public Leadership whoLeads(Category category, DistrictId district, Instant at) {
                return category.topic() == null ? new Leadership(List.of(), Set.of(), Set.of())
                        : responsibilities.whoLeads(category.topic(), district, at);
            }

            @Override
            public OrganisationId organisation(String name) {
                var organisation = byName.get(name);
                if (organisation == null) {
                    throw new IllegalStateException("Demo organisation missing: " + name);
                }
                return organisation.id();
            }

            @Override
            public String staffOf(OrganisationId organisation) {
                return staff.computeIfAbsent(organisation, o -> {
                    var account = ACCOUNTS.get(byId.get(o).name());
                    if (account != null) {
                        return account;
                    }
                    var members = people.ofOrganisation(o);
                    var person = members.stream().filter(p -> !p.function().toLowerCase().contains("leiter"))
                            .findFirst().orElse(members.isEmpty() ? null : members.get(0));
                    return person == null ? ReportHistory.COORDINATION
                            : login(person.firstName().replace("Dr. ", ""), person.lastName());
                });
            }

            @Override
            public boolean aroundTheClock(OrganisationId organisation) {
                return AROUND_THE_CLOCK.contains(byId.get(organisation).kind());
            }
        };
    }

    private static String login(String firstName, String lastName) {
        return (firstName.charAt(0) + "." + lastName).toLowerCase(java.util.Locale.GERMAN).replace("ä", "ae")
                .replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
    }

    /** Writes the reports and their events with COPY, in the transaction's connection. */
    private void copy(PartnershipId partnership, List<ReportHistory.Row> rows) {
        var reports = new StringBuilder(rows.size() * 600);
        var events = new StringBuilder(rows.size() * 400);
        for (var row : rows) {
            csv(reports, row.id, partnership.value(), row.publicId, row.token, row.category.id().value(),
                    row.description, row.latitude, row.longitude, row.address,
                    row.district == null ? null : row.district.value(), false, row.source, row.status,
                    row.assignee == null ? null : row.assignee.value(), row.deadline, row.escalatedAt,
                    JSON.writeValueAsString(row.attributes), row.contact.name(), row.contact.email(),
                    row.contact.phone(), row.contactDeletedAt, row.publicNote, row.submittedAt, row.updatedAt(),
                    row.closedAt, row.submittedBy, row.duplicateOf == null ? null : row.duplicateOf.id,
                    row.textModeration);
            for (var event : row.events) {
                csv(events, row.id, event.at(), event.actor(), event.kind(), event.status(),
                        event.organisation() == null ? null : event.organisation().value(), event.note(),
                        event.visibleToPublic());
            }
        }
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            // COPY cannot write into a table under row-level security: it fills copies without policies, from
            // which one INSERT each moves the rows (and the policies check them).
            try (var statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TEMPORARY TABLE demo_report (LIKE reports_report INCLUDING DEFAULTS) ON COMMIT DROP;
                        CREATE TEMPORARY TABLE demo_report_event (LIKE reports_event INCLUDING DEFAULTS) ON COMMIT DROP""");
            }
            copy.copyIn("""
                    COPY demo_report (id, partnership_id, public_id, token, category_id, description, latitude,
                         longitude, address, district_id, district_uncertain, source, status, assignee_id, deadline,
                         escalated_at, attributes, reporter_name, reporter_email, reporter_phone, contact_deleted_at,
                         public_note, submitted_at, updated_at, closed_at, submitted_by, duplicate_of, text_moderation)
                    FROM STDIN (FORMAT csv)""", new StringReader(reports.toString()));
            copy.copyIn("COPY demo_report_event (report_id, occurred_at, actor, kind, status, organisation_id, note, "
                    + "public) FROM STDIN (FORMAT csv)", new StringReader(events.toString()));
            try (var statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO reports_report (id, partnership_id, public_id, token, category_id, description,
                             latitude, longitude, address, district_id, district_uncertain, source, status, assignee_id,
                             deadline, escalated_at, attributes, reporter_name, reporter_email, reporter_phone,
                             contact_deleted_at, public_note, submitted_at, updated_at, closed_at, submitted_by,
                             duplicate_of, text_moderation)
                        SELECT id, partnership_id, public_id, token, category_id, description, latitude, longitude,
                             address, district_id, district_uncertain, source, status, assignee_id, deadline,
                             escalated_at, attributes, reporter_name, reporter_email, reporter_phone,
                             contact_deleted_at, public_note, submitted_at, updated_at, closed_at, submitted_by,
                             duplicate_of, text_moderation
                        FROM demo_report;
                        INSERT INTO reports_event (report_id, occurred_at, actor, kind, status, organisation_id, note,
                             public)
                        SELECT report_id, occurred_at, actor, kind, status, organisation_id, note, public
                        FROM demo_report_event""");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Demo reports could not be written", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** One CSV line; {@code null} is an unquoted empty field (SQL NULL), everything else is quoted. */
    private static void csv(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            var value = values[i];
            if (value == null) {
                continue;
            }
            var text = value instanceof Boolean b ? (b ? "t" : "f") : value.toString();
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
        out.append('\n');
    }
}
