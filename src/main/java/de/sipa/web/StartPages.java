package de.sipa.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import de.sipa.goals.GoalProgress;
import de.sipa.goals.Goals;
import de.sipa.identity.CurrentUser;
import de.sipa.meetings.Decision;
import de.sipa.meetings.FollowUp;
import de.sipa.meetings.FollowUpBoard;
import de.sipa.meetings.FollowUpQuery;
import de.sipa.meetings.Meeting;
import de.sipa.meetings.Meetings;
import de.sipa.operations.PatrolRosterEntry;
import de.sipa.operations.Patrols;
import de.sipa.partners.Bodies;
import de.sipa.partners.Body;
import de.sipa.partners.BodyKind;
import de.sipa.reports.ReportFigures;
import de.sipa.reports.ReportQuery;
import de.sipa.reports.ReportStatus;
import de.sipa.responsibilities.Review;
import de.sipa.responsibilities.ReviewStatus;
import de.sipa.responsibilities.Reviews;
import de.sipa.shared.OrganisationId;

/**
 * What each role's start page ("Heute") shows, collected from the modules' facades. Every count is paired with the
 * link of the list that shows the same set: the count comes from the query that list runs with those parameters.
 */
@Component
class StartPages {

    /** How far ahead the start pages look for open patrol slots and the next patrols. */
    static final int LOOKAHEAD_DAYS = 14;
    static final int NEXT = 3;

    private final ReportFigures reports;
    private final Meetings meetings;
    private final FollowUpBoard board;
    private final Patrols patrols;
    private final Reviews reviews;
    private final Bodies bodies;
    private final Goals goals;
    private final Clock clock;

    StartPages(ReportFigures reports, Meetings meetings, FollowUpBoard board, Patrols patrols, Reviews reviews,
            Bodies bodies, Goals goals, Clock clock) {
        this.goals = goals;
        this.reports = reports;
        this.meetings = meetings;
        this.board = board;
        this.patrols = patrols;
        this.reviews = reviews;
        this.bodies = bodies;
        this.clock = clock;
    }

    record Today(List<Figure> figures, List<Meeting> nextMeetings, List<PatrolRosterEntry> nextPatrols,
            Map<Review, Long> reviewQuestions) {
    }

    Today coordinator() {
        var today = LocalDate.now(clock);
        var monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var sunday = monday.plusDays(6);
        var until = today.plusDays(LOOKAHEAD_DAYS);
        var figures = new ArrayList<Figure>();
        figures.add(new Figure("unrouted", "today.unrouted",
                reports.count(ReportQuery.coordinator().withStatus(ReportStatus.NEW)),
                link("/reports", "queue", "coordination", "status", "NEW")));
        figures.add(new Figure("overdue", "today.overdue", reports.count(ReportQuery.allOpen().overdueOnly()),
                link("/reports", "queue", "all", "overdue", "true")));
        figures.add(new Figure("handed-back", "today.handedBack",
                reports.count(ReportQuery.coordinator().handedBackOnly()),
                link("/reports", "queue", "coordination", "handedBack", "true")));
        figures.add(new Figure("moderation", "today.moderation", reports.awaitingModeration(), "/reports/moderation"));
        figures.add(new Figure("reviews", "today.reviews", reviews.inStatus(null).size(),
                link("/reviews", "state", "waiting")));
        figures.add(new Figure("action-items", "today.actionItemsThisWeek",
                board.followUps(new FollowUpQuery(null, null, "open", null, monday, sunday)).size(),
                link("/action-items", "dueFrom", monday, "dueTo", sunday)));
        var next = meetings.page(null, true, false, PageRequest.of(0, NEXT));
        figures.add(new Figure("meetings", "today.meetings", next.getTotalElements(), "/meetings"));
        figures.add(new Figure("patrol-gaps", "today.patrolGaps", patrols.gaps(endOf(until)).size(),
                link("/patrols/gaps", "until", until)));
        return new Today(figures, next.getContent(), List.of(), Map.of());
    }

    Today partner() {
        var organisation = CurrentUser.get().organisation();
        var today = LocalDate.now(clock);
        var until = today.plusDays(LOOKAHEAD_DAYS);
        var figures = new ArrayList<Figure>();
        figures.add(new Figure("new", "today.new",
                reports.count(ReportQuery.queueOf(organisation).withStatus(ReportStatus.NEW)),
                link("/reports", "queue", "mine", "status", "NEW")));
        figures.add(new Figure("overdue", "today.overdueMine",
                reports.count(ReportQuery.queueOf(organisation).overdueOnly()),
                link("/reports", "queue", "mine", "overdue", "true")));
        figures.add(new Figure("informed", "today.informed", reports.count(ReportQuery.informed(organisation)),
                link("/reports", "queue", "informed")));
        if (organisation == null) {
            return new Today(figures, List.of(), List.of(), Map.of());
        }
        figures.add(new Figure("patrol-gaps", "today.patrolGapsMine",
                patrols.gaps(endOf(until), organisation).size(),
                link("/patrols/gaps", "until", until, "organisation", organisation.value())));
        figures.add(new Figure("action-items", "today.actionItemsMine",
                board.followUps(new FollowUpQuery(organisation.value(), null, "open", null)).size(),
                link("/action-items", "owner", organisation.value())));
        var next = meetings.page(null, true, true, PageRequest.of(0, NEXT));
        figures.add(new Figure("meetings", "today.meetingsMine", next.getTotalElements(),
                link("/meetings", "mine", "true")));
        var nextPatrols = patrols.roster(clock.instant(), endOf(until), organisation).stream()
                .filter(entry -> !entry.patrol().cancelled()).limit(NEXT).toList();
        return new Today(figures, next.getContent(), nextPatrols, reviews.unansweredLeads(organisation));
    }

    /** The steering group's month: the contact point's figures, its decisions and overdue action items, proposals. */
    Overview overview(YearMonth month) {
        var zone = clock.getZone();
        var from = month.atDay(1).atStartOfDay(zone).toInstant();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        var steering = bodies.all().stream().filter(body -> body.kind() == BodyKind.STEERING_GROUP).toList();
        var decisions = new ArrayList<Decision>();
        var overdue = new ArrayList<FollowUp>();
        for (var body : steering) {
            decisions.addAll(meetings.decisionsOf(body.id(), from, to));
            overdue.addAll(board.followUps(new FollowUpQuery(null, body.id().value(), "open", LocalDate.now(clock))));
        }
        var first = month.minusMonths(11);
        var figures = reports.month(month);
        return new Overview(month, figures, reports.month(month.minusMonths(1)),
                reports.month(month.minusYears(1)), steering, decisions, overdue,
                reviews.inStatus(ReviewStatus.SUBMITTED), reviews.undecidedProposals(),
                Charts.perMonth(reports.receivedPerMonth(first, month), first, month),
                Charts.timeToClose(figures.timeToClose()));
    }

    /** This year's goals with their progress, for the steering group's start page. */
    YearGoals goals() {
        int year = LocalDate.now(clock).getYear();
        return new YearGoals(year, goals.progress(CurrentUser.partnership(), year));
    }

    record YearGoals(int year, List<GoalProgress> progress) {
    }

    YearMonth defaultMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    record Overview(YearMonth month, de.sipa.reports.ReportFigures.MonthFigures figures,
            de.sipa.reports.ReportFigures.MonthFigures previousMonth,
            de.sipa.reports.ReportFigures.MonthFigures previousYear, List<Body> steeringGroups,
            List<Decision> decisions, List<FollowUp> overdueActionItems, List<Review> submittedReviews,
            long undecidedProposals, Charts.StackedBars perMonth, Charts.Bars timeToClose) {
    }

    private java.time.Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    private static String link(String path, Object... parameters) {
        var builder = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i < parameters.length; i += 2) {
            builder.queryParam((String) parameters[i], parameters[i + 1]);
        }
        return builder.build().toUriString();
    }
}
