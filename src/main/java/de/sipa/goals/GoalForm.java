package de.sipa.goals;

/**
 * What the goal form sends, as typed (numbers and choices as text), so that nothing typed is lost when the form comes
 * back with its errors and no value fails to bind.
 */
record GoalForm(String year, String title, String description, String indicator, String workingDays,
        String categoryId, String districtId, String offenceGroup, String measured, String baseline, String target,
        String direction, String ownerId) {

    static GoalForm empty(int year) {
        return new GoalForm(String.valueOf(year), "", "", "", "5", "", "", "", "", "", "", "UP", "");
    }

    static GoalForm of(AnnualGoal goal) {
        return new GoalForm(String.valueOf(goal.year()), goal.title(), goal.description(), goal.indicator().name(),
                goal.workingDays() == null ? "" : goal.workingDays().toString(),
                goal.category() == null ? "" : goal.category().toString(),
                goal.district() == null ? "" : goal.district().value().toString(),
                goal.offenceGroup() == null ? "" : goal.offenceGroup(),
                goal.measured() == null ? "" : goal.measured().stripTrailingZeros().toPlainString().replace('.', ','),
                goal.baseline().stripTrailingZeros().toPlainString().replace('.', ','),
                goal.target().stripTrailingZeros().toPlainString().replace('.', ','), goal.direction().name(),
                goal.owner() == null ? "" : goal.owner().value().toString());
    }
}
