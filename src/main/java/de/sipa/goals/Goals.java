package de.sipa.goals;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/**
 * The partnership's yearly goals: set by the steering group and the coordination, read by everyone of the
 * partnership. Their indicators are measured as SiPa (not as the reader) sees the figures, since a goal's progress is
 * what the partnership agreed to publish among itself: the steering group sees a district's PKS goal although it
 * does not see the district's PKS table.
 */
@Service
@Transactional
public class Goals {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_WORKING_DAYS = 60;
    static final BigDecimal MAX_VALUE = new BigDecimal("1000000000");

    private final GoalRepository repository;
    private final GoalFigures figures;
    private final AuditTrail auditTrail;
    private final Clock clock;

    Goals(GoalRepository repository, GoalFigures figures, AuditTrail auditTrail, Clock clock) {
        this.repository = repository;
        this.figures = figures;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The progress of a partnership's goals of a year, measured now; for the start page and the annual report. */
    @PreAuthorize(GoalPermissions.READ)
    @Transactional(readOnly = true)
    public List<GoalProgress> progress(PartnershipId partnership, int year) {
        if (!partnership.equals(CurrentUser.partnership())) {
            throw new NotFoundException("Partnership", partnership);
        }
        return CurrentUser.runAs(SipaUser.system(partnership), () -> repository.ofYear(partnership, year).stream()
                .map(this::measure).toList());
    }

    /** The progress of one goal. */
    @PreAuthorize(GoalPermissions.READ)
    @Transactional(readOnly = true)
    public GoalProgress progress(AnnualGoalId id) {
        var goal = goal(id);
        return CurrentUser.runAs(SipaUser.system(CurrentUser.partnership()), () -> measure(goal));
    }

    /** The course of a goal's indicator: per month, per PKS year or per survey wave. */
    @PreAuthorize(GoalPermissions.READ)
    @Transactional(readOnly = true)
    List<GoalFigures.CoursePoint> course(AnnualGoalId id) {
        var goal = goal(id);
        return CurrentUser.runAs(SipaUser.system(CurrentUser.partnership()), () -> figures.course(goal));
    }

    @PreAuthorize(GoalPermissions.READ)
    @Transactional(readOnly = true)
    public AnnualGoal goal(AnnualGoalId id) {
        return repository.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("AnnualGoal", id));
    }

    /** The years that have goals, the latest first. */
    @PreAuthorize(GoalPermissions.READ)
    @Transactional(readOnly = true)
    public List<Integer> years() {
        return repository.years(CurrentUser.partnership());
    }

    /** The offence groups a PKS goal may name. */
    @PreAuthorize(GoalPermissions.READ)
    @Transactional(readOnly = true)
    public List<String> offenceGroups() {
        return CurrentUser.runAs(SipaUser.system(CurrentUser.partnership()), figures::offenceGroups);
    }

    @PreAuthorize(GoalPermissions.SET)
    public AnnualGoalId set(GoalDraft draft) {
        var goal = checked(AnnualGoalId.random(), draft);
        repository.insert(CurrentUser.partnership(), goal, clock.instant());
        auditTrail.record(AuditAction.CREATED, "AnnualGoal", goal.id(),
                auditTrail.summary("audit.annualGoal.created", String.valueOf(goal.year()), goal.title()));
        return goal.id();
    }

    @PreAuthorize(GoalPermissions.SET)
    public void change(AnnualGoalId id, GoalDraft draft) {
        goal(id);
        var goal = checked(id, draft);
        repository.update(CurrentUser.partnership(), goal, clock.instant());
        auditTrail.record(AuditAction.CHANGED, "AnnualGoal", id,
                auditTrail.summary("audit.annualGoal.changed", String.valueOf(goal.year()), goal.title()));
    }

    @PreAuthorize(GoalPermissions.SET)
    public void delete(AnnualGoalId id) {
        var goal = goal(id);
        repository.delete(CurrentUser.partnership(), id);
        auditTrail.record(AuditAction.DELETED, "AnnualGoal", id,
                auditTrail.summary("audit.annualGoal.deleted", String.valueOf(goal.year()), goal.title()));
    }

    private GoalProgress measure(AnnualGoal goal) {
        return GoalProgress.of(goal, figures.value(goal), figures.currentYear(), figures.elapsed(goal.year()));
    }

    /** The goal as the draft describes it, or a refusal naming the field (as {@code annualGoal.<field>.<problem>}). */
    private AnnualGoal checked(AnnualGoalId id, GoalDraft draft) {
        int thisYear = figures.currentYear();
        if (draft.year() < thisYear - 10 || draft.year() > thisYear + 5) {
            throw new RuleViolationException("annualGoal.year.outOfRange", thisYear - 10, thisYear + 5);
        }
        var title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty()) {
            throw new RuleViolationException("annualGoal.title.required");
        }
        if (title.length() > MAX_TITLE) {
            throw new RuleViolationException("annualGoal.title.tooLong", MAX_TITLE);
        }
        var description = draft.description() == null ? "" : draft.description().strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw new RuleViolationException("annualGoal.description.tooLong", MAX_DESCRIPTION);
        }
        if (draft.indicator() == null) {
            throw new RuleViolationException("annualGoal.indicator.required");
        }
        if (draft.indicator() == Indicator.ANSWERED_WITHIN && (draft.workingDays() == null
                || draft.workingDays() < 1 || draft.workingDays() > MAX_WORKING_DAYS)) {
            throw new RuleViolationException("annualGoal.workingDays.invalid", MAX_WORKING_DAYS);
        }
        if (draft.indicator() == Indicator.CRIME_CASES && (draft.offenceGroup() == null
                || !figures.offenceGroups().contains(draft.offenceGroup()))) {
            throw new RuleViolationException("annualGoal.offenceGroup.required");
        }
        if (draft.baseline() == null || draft.baseline().abs().compareTo(MAX_VALUE) > 0) {
            throw new RuleViolationException("annualGoal.baseline.required");
        }
        if (draft.target() == null || draft.target().abs().compareTo(MAX_VALUE) > 0) {
            throw new RuleViolationException("annualGoal.target.required");
        }
        if (draft.direction() == null) {
            throw new RuleViolationException("annualGoal.direction.required");
        }
        if (draft.target().compareTo(draft.baseline()) == 0
                || (draft.direction() == Direction.UP) != (draft.target().compareTo(draft.baseline()) > 0)) {
            throw new RuleViolationException("annualGoal.target.wrongDirection");
        }
        boolean percent = draft.indicator() == Indicator.ANSWERED_WITHIN || draft.indicator() == Indicator.FEELING_UNSAFE;
        if (percent && (draft.target().compareTo(BigDecimal.ZERO) < 0
                || draft.target().compareTo(new BigDecimal("100")) > 0)) {
            throw new RuleViolationException("annualGoal.target.percent");
        }
        var measured = draft.indicator() == Indicator.MEASURED ? draft.measured() : null;
        return new AnnualGoal(id, draft.year(), title, description, draft.indicator(),
                draft.indicator() == Indicator.ANSWERED_WITHIN ? draft.workingDays() : null,
                draft.indicator() == Indicator.REPORTS ? draft.category() : null,
                switch (draft.indicator()) {
                    case REPORTS, CRIME_CASES, FEELING_UNSAFE -> draft.district();
                    default -> null;
                },
                draft.indicator() == Indicator.CRIME_CASES ? draft.offenceGroup() : null, measured,
                draft.baseline(), draft.target(), draft.direction(), draft.owner());
    }
}
