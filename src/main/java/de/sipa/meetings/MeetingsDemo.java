package de.sipa.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Bodies;
import de.sipa.partners.Body;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.reports.ReportQuery;
import de.sipa.reports.Reports;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

/**
 * A year of Musterstadt's meetings: the Lenkungsgruppe twice, the Koordinierungskreis quarterly, with agendas,
 * about 30 decisions and 60 action items in all states, and the next meetings planned with links to topics and a
 * report.
 */
@Component
@Profile("demo")
@Order(40)
class MeetingsDemo implements ApplicationRunner {

    private static final String[] DECISIONS = {
        "Die Beleuchtung im Palastgarten wird bis zum Herbst auf LED umgestellt.",
        "Gemeinsame Fußstreifen von Polizei und KOD freitags und samstags 20–2 Uhr im Palastgarten.",
        "Die Alkoholverbotszone am Marktplatz wird für ein Jahr erprobt und danach ausgewertet.",
        "Die Mobile Jugendarbeit erhält eine zusätzliche Stelle für den Hauptbahnhof.",
        "Eine Bürgerumfrage zum Sicherheitsgefühl wird im Frühjahr durchgeführt.",
        "Die Zuständigkeit für Graffiti geht an das Ordnungsamt über.",
        "Der Präventionsbericht wird jährlich im März vorgelegt.",
        "Am Hauptbahnhof wird ein gemeinsamer Präsenzdienst mit der Bundespolizei eingerichtet.",
    };
    private static final String[] TASKS = {
        "Angebot für LED-Leuchten einholen", "Streifenplan für das Wochenende abstimmen",
        "Beschilderung der Verbotszone bestellen", "Stellenausschreibung Streetwork vorbereiten",
        "Fragebogen der Bürgerumfrage entwerfen", "Übergabe der Graffiti-Fälle organisieren",
        "Zahlen für den Präventionsbericht liefern", "Dienstplan mit der Bundespolizei abstimmen",
        "Rückschnitt der Hecken am Spielplatz beauftragen", "Elternabend zur Gewaltprävention planen",
    };

    private final Partnerships partnerships;
    private final Bodies bodies;
    private final Organisations organisations;
    private final MeetingRepository meetings;
    private final MinutesRepository minutes;
    private final AgendaLinkRepository links;
    private final Responsibilities responsibilities;
    private final Reports reports;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MeetingsDemo(Partnerships partnerships, Bodies bodies, Organisations organisations, MeetingRepository meetings,
            MinutesRepository minutes, AgendaLinkRepository links, Responsibilities responsibilities, Reports reports,
            TransactionTemplate transaction, Clock clock) {
        this.partnerships = partnerships;
        this.bodies = bodies;
        this.organisations = organisations;
        this.meetings = meetings;
        this.minutes = minutes;
        this.links = links;
        this.responsibilities = responsibilities;
        this.reports = reports;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty() || !meetings.all(musterstadt.get().id()).isEmpty()) {
            return;
        }
        var partnership = musterstadt.get().id();
        CurrentUser.runAs(SipaUser.system(partnership), () -> transaction.executeWithoutResult(s -> load(partnership)));
    }

    private void load(PartnershipId partnership) {
        var today = LocalDate.now(clock);
        var owners = new ArrayList<OrganisationId>();
        organisations.all().stream().filter(o -> List.of("Amt für öffentliche Ordnung", "Polizeipräsidium Musterstadt",
                "Kommunaler Ordnungsdienst", "Jugendamt", "Garten-, Friedhofs- und Forstamt",
                "Stadt Musterstadt – Kommunale Kriminalprävention").contains(o.name())).forEach(o -> owners.add(o.id()));
        int decision = 0;
        int task = 0;
        for (var body : bodies.all()) {
            var dates = switch (body.shortName()) {
                case "LG" -> List.of(today.minusMonths(10), today.minusMonths(4), today.plusMonths(2));
                case "KK" -> List.of(today.minusMonths(11), today.minusMonths(8), today.minusMonths(5),
                        today.minusMonths(2), today.plusMonths(1));
                default -> List.<LocalDate>of();
            };
            for (var day : dates) {
                var past = day.isBefore(today);
                var meeting = new Meeting(MeetingId.random(), body.id(), title(body, day), at(day, 14),
                        at(day, 16), "Rathaus, Großer Sitzungssaal", null,
                        past ? MeetingStatus.MINUTES_APPROVED : MeetingStatus.PLANNED, 0, null);
                meetings.insert(partnership, meeting, at(day.minusWeeks(3), 9));
                var welcome = new AgendaItem(UUID.randomUUID(), 0, "Begrüßung und Tagesordnung", null, null, false);
                var situation = new AgendaItem(UUID.randomUUID(), 0, "Lagebild der Polizei",
                        "Kriminalitätslage und Brennpunkte", null, true);
                var findings = new AgendaItem(UUID.randomUUID(), 0, "Anliegen und Befunde der Zuständigkeitsmatrix",
                        null, null, false);
                for (var item : List.of(welcome, situation, findings)) {
                    meetings.insertAgendaItem(meeting.id(), item);
                }
                if (!past) {
                    link(findings, owners);
                    continue;
                }
                minutes.insert(meeting.id(), 1, null, at(day.plusDays(1), 9));
                minutes.setText(meeting.id(), 1, welcome.id(), "Die Tagesordnung wurde ohne Änderungen angenommen.");
                minutes.setText(meeting.id(), 1, situation.id(), "Die Polizei berichtete über Einbrüche und die Lage "
                        + "am Bahnhof; Einzelheiten sind vertraulich.");
                minutes.setText(meeting.id(), 1, findings.id(), "Die Befunde der Zuständigkeitsmatrix wurden erörtert; "
                        + "die Beschlüsse und Arbeitsaufträge sind unten aufgeführt.");
                minutes.setStatus(meeting.id(), 1, MinutesStatus.APPROVED, "Sabine Krüger", at(day.plusWeeks(2), 10));
                var members = bodies.members(body.id()).stream().filter(m -> m.membership().isCurrentOn(day)).toList();
                for (int m = 0; m < members.size(); m++) {
                    meetings.recordAttendance(meeting.id(), new Attendance(members.get(m).person().id(),
                            (m + decision) % 4 == 3 ? Attendance.Status.EXCUSED : Attendance.Status.PRESENT, null));
                }
                for (int d = 0; d < (body.shortName().equals("LG") ? 5 : 4); d++) {
                    var text = DECISIONS[decision % DECISIONS.length];
                    int year = day.getYear();
                    int number = meetings.nextDecisionNumber(body.id(), year);
                    var id = DecisionId.random();
                    meetings.insertDecision(partnership, body.id(), year, number, new Decision(id, meeting.id(), null,
                            String.format("%s-%d-%02d", body.shortName(), year, number), text, "einstimmig",
                            at(day, 15), null));
                    for (int t = 0; t < 2; t++) {
                        var due = day.plusWeeks(4 + 2L * (task % 12));
                        var status = due.isBefore(today.minusMonths(1)) ? (task % 5 == 0 ? ActionItemStatus.OPEN
                                : task % 7 == 0 ? ActionItemStatus.DROPPED : ActionItemStatus.DONE)
                                : task % 3 == 0 ? ActionItemStatus.IN_PROGRESS : ActionItemStatus.OPEN;
                        meetings.insertActionItem(partnership, new ActionItem(ActionItemId.random(), meeting.id(), id,
                                TASKS[task % TASKS.length], owners.get(task % owners.size()), null, due, status, null),
                                at(day, 16));
                        task++;
                    }
                    decision++;
                }
            }
        }
    }

    /** The next meetings look at two topics of the matrix and at a report one of the partners is working on. */
    private void link(AgendaItem item, List<OrganisationId> owners) {
        var now = clock.instant();
        responsibilities.topics().stream().limit(2).forEach(topic -> links.insert(new AgendaLinkRepository.Stored(
                UUID.randomUUID(), item.id(), AgendaLinkKind.TOPIC, topic.id().value()), "koordination", now));
        owners.stream().flatMap(owner -> reports.queue(ReportQuery.queueOf(owner), PageRequest.of(0, 1)).stream())
                .findFirst().ifPresent(report -> links.insert(new AgendaLinkRepository.Stored(UUID.randomUUID(),
                        item.id(), AgendaLinkKind.REPORT, report.id().value()), "koordination", now));
    }

    private static String title(Body body, LocalDate day) {
        return body.shortName() + "-Sitzung " + day.getMonthValue() + "/" + day.getYear();
    }

    private java.time.Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(clock.getZone()).toInstant();
    }
}
