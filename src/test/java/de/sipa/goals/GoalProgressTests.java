package de.sipa.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** How a goal's progress is classified from its value, baseline, target and the share of the year gone by. */
class GoalProgressTests {

    static AnnualGoal goal(int year, Indicator indicator, double baseline, double target, Direction direction) {
        return new AnnualGoal(AnnualGoalId.random(), year, "Ziel", "", indicator, 5, null, null, null, null,
                BigDecimal.valueOf(baseline), BigDecimal.valueOf(target), direction, null);
    }

    @Test
    void aPastGoalIsAchievedWhenItsValueReachedTheTargetAndMissedOtherwise() {
        var answering = goal(2025, Indicator.ANSWERED_WITHIN, 70, 90, Direction.UP);
        assertThat(GoalProgress.of(answering, 90.0, 2026, 1).status()).isEqualTo(GoalStatus.ACHIEVED);
        var missed = GoalProgress.of(answering, 85.0, 2026, 1);
        assertThat(missed.status()).isEqualTo(GoalStatus.MISSED);
        assertThat(missed.percent()).isEqualTo(75);
        var fewer = goal(2025, Indicator.REPORTS, 200, 150, Direction.DOWN);
        assertThat(GoalProgress.of(fewer, 149.0, 2026, 1).status()).isEqualTo(GoalStatus.ACHIEVED);
        assertThat(GoalProgress.of(fewer, 151.0, 2026, 1).status()).isEqualTo(GoalStatus.MISSED);
        assertThat(GoalProgress.of(fewer, 260.0, 2026, 1).percent()).isZero();
    }

    @Test
    void aCountInTheRunningYearIsProjectedToTheYearBeforeItIsCompared() {
        var fewer = goal(2026, Indicator.REPORTS, 200, 150, Direction.DOWN);
        var halfYear = GoalProgress.of(fewer, 70.0, 2026, 0.5);
        assertThat(halfYear.projected()).isEqualTo(140.0);
        assertThat(halfYear.status()).isEqualTo(GoalStatus.ON_TRACK);
        assertThat(halfYear.projectedDiffers()).isTrue();
        assertThat(GoalProgress.of(fewer, 80.0, 2026, 0.5).status()).isEqualTo(GoalStatus.OFF_TRACK);
    }

    @Test
    void aShareInTheRunningYearIsOnTrackWhenItCameAsFarAsTheYear() {
        var answering = goal(2026, Indicator.ANSWERED_WITHIN, 70, 90, Direction.UP);
        assertThat(GoalProgress.of(answering, 80.0, 2026, 0.5).status()).isEqualTo(GoalStatus.ON_TRACK);
        assertThat(GoalProgress.of(answering, 79.0, 2026, 0.5).status()).isEqualTo(GoalStatus.OFF_TRACK);
        assertThat(GoalProgress.of(answering, 91.0, 2026, 0.2).status()).isEqualTo(GoalStatus.ACHIEVED);
        assertThat(GoalProgress.of(answering, 80.0, 2026, 0.5).projected()).isEqualTo(80.0);
    }

    @Test
    void withoutAValueOrBeforeItsYearAGoalHasNoStatusOfProgress() {
        var answering = goal(2026, Indicator.ANSWERED_WITHIN, 70, 90, Direction.UP);
        assertThat(GoalProgress.of(answering, null, 2026, 0.5).status()).isEqualTo(GoalStatus.NO_DATA);
        assertThat(GoalProgress.of(answering, 80.0, 2025, 0).status()).isEqualTo(GoalStatus.PLANNED);
    }
}
