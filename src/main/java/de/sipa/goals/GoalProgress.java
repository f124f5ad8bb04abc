package de.sipa.goals;

/**
 * A goal's progress: the indicator's value so far, for a count in the running year also projected to the whole year,
 * how far it came from the baseline towards the target (0–100 %), and where it stands.
 *
 * @param value {@code null} if there is no figure yet
 * @param projected the value the comparison uses: for a count in the running year projected to the year
 * @param percent of the way from baseline to target, 0–100
 */
public record GoalProgress(AnnualGoal goal, Double value, Double projected, int percent, GoalStatus status) {

    /**
     * Classifies a goal: before its year {@link GoalStatus#PLANNED}, without a value {@link GoalStatus#NO_DATA};
     * after its year achieved or missed as the value reached the target; in its year, with {@code elapsed} the share
     * of the year gone by (0–1): a count is projected to the year and must reach the target, a share must lie at least
     * as far from the baseline as the time gone by (baseline + elapsed × (target − baseline)).
     */
    static GoalProgress of(AnnualGoal goal, Double value, int currentYear, double elapsed) {
        double baseline = goal.baseline().doubleValue();
        double target = goal.target().doubleValue();
        if (goal.year() > currentYear) {
            return new GoalProgress(goal, value, value, 0, GoalStatus.PLANNED);
        }
        if (value == null) {
            return new GoalProgress(goal, null, null, 0, GoalStatus.NO_DATA);
        }
        boolean running = goal.year() == currentYear;
        double projected = running && goal.indicator().count() && elapsed > 0 ? value / elapsed : value;
        int percent = percent(projected, baseline, target);
        GoalStatus status;
        if (!running) {
            status = goal.direction().reached(value, target) ? GoalStatus.ACHIEVED : GoalStatus.MISSED;
        } else if (goal.indicator().count()) {
            status = goal.direction().reached(projected, target) ? GoalStatus.ON_TRACK : GoalStatus.OFF_TRACK;
        } else if (goal.direction().reached(value, target)) {
            status = GoalStatus.ACHIEVED;
        } else {
            status = goal.direction().reached(value, baseline + elapsed * (target - baseline)) ? GoalStatus.ON_TRACK
                    : GoalStatus.OFF_TRACK;
        }
        return new GoalProgress(goal, value, projected, percent, status);
    }

    private static int percent(double value, double baseline, double target) {
        if (target == baseline) {
            return value == target ? 100 : 0;
        }
        double share = (value - baseline) / (target - baseline);
        return (int) Math.round(Math.max(0, Math.min(1, share)) * 100);
    }

    /** Whether the value is a projection (a count in the running year). */
    public boolean projectedDiffers() {
        return value != null && projected != null && Math.abs(value - projected) > 1e-9;
    }
}
