package de.sipa.goals;

import java.time.Year;
import java.util.List;

import org.springframework.stereotype.Service;

import de.sipa.identity.CurrentUser;
import de.sipa.shared.YearlyFigures;

/**
 * The year's goals for the annual report, right after the partnership: how many the steering group set and how many
 * it achieved, and each goal with its indicator, baseline, target, the value measured and where it stands.
 */
@Service
public class GoalYear implements YearlyFigures {

    private final Goals goals;

    GoalYear(Goals goals) {
        this.goals = goals;
    }

    @Override
    public String key() {
        return "goals";
    }

    @Override
    public int position() {
        return 15;
    }

    @Override
    public Chapter of(Year year) {
        var progress = goals.progress(CurrentUser.partnership(), year.getValue());
        long reached = progress.stream()
                .filter(p -> p.status() == GoalStatus.ACHIEVED || p.status() == GoalStatus.ON_TRACK).count();
        var rows = progress.stream().map(p -> List.<Object>of(p.goal().title(),
                new Label("annualGoal.indicator." + p.goal().indicator()), p.goal().baseline(), p.goal().target(),
                p.value() == null ? "–" : p.value(), new Label("annualGoal.status." + p.status()))).toList();
        return new Chapter(List.of(KeyFigure.count("annualreport.goals.set", progress.size()),
                KeyFigure.count("annualreport.goals.reached", reached)),
                List.of(new Table("annualreport.goals.list", List.of("annualreport.column.goal",
                        "annualreport.column.indicator", "annualreport.column.baseline",
                        "annualreport.column.target", "annualreport.column.value", "annualreport.column.status"),
                        rows)),
                List.of());
    }
}
