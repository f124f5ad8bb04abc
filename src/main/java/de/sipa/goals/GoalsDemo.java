package de.sipa.goals;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.reports.Categories;
import de.sipa.shared.DemoStory;
import de.sipa.shared.OrganisationId;

/**
 * Musterstadt's yearly goals of this year and last year, in the demo's story: last year the steering group wanted
 * fewer reports of dark corners in Mitte after the Palastgarten's lamps were renewed (achieved), fewer thefts in Mitte
 * with the bicycle thefts at the station (achieved) and a quarter fewer reports of drinking groups (missed: they moved
 * from the Palastgarten to the station); this year it wants the sense of security around the Palastgarten better, 85 % answered within five
 * working days, fewer thefts in Mitte and fewer reports of dark corners. Baselines and targets are set from the demo's
 * own figures (measured when it loads), so that the story holds on whichever day it is loaded.
 */
@Component
@Profile("demo")
@Order(90)
class GoalsDemo implements ApplicationRunner {

    static final String ANSWERING = "Anliegen innerhalb von 5 Arbeitstagen beantworten";
    static final String MISSED = "Weniger Meldungen über Trinkergruppen";

    private final Partnerships partnerships;
    private final Organisations organisations;
    private final Categories categories;
    private final Goals goals;
    private final DemoStory story;

    GoalsDemo(Partnerships partnerships, Organisations organisations, Categories categories, Goals goals,
            DemoStory story) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.categories = categories;
        this.goals = goals;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty()) {
            return;
        }
        CurrentUser.runAs(SipaUser.system(musterstadt.get().id()), () -> {
            int year = story.today().getYear();
            if (goals.progress(CurrentUser.partnership(), year).stream()
                    .anyMatch(p -> p.goal().title().equals(ANSWERING))) {
                return null; // loaded before
            }
            load(year);
            return null;
        });
    }

    private void load(int year) {
        var mitte = partnerships.districts().stream().filter(d -> d.name().equals("Mitte")).map(d -> d.id())
                .findFirst().orElse(null);
        var lighting = categories.all().stream().filter(c -> c.code().equals("beleuchtung"))
                .map(c -> c.id().value()).findFirst().orElse(null);
        var drinking = categories.all().stream().filter(c -> c.code().equals("alkohol"))
                .map(c -> c.id().value()).findFirst().orElse(null);
        var kkp = organisation("Stadt Musterstadt – Kommunale Kriminalprävention");
        var publicOrder = organisation("Amt für öffentliche Ordnung");
        var police = organisation("Polizeipräsidium Musterstadt");
        var gardens = organisation("Tiefbauamt – Straßenbeleuchtung");

        // last year
        goal(year - 1, "Weniger Meldungen dunkler Ecken in Mitte",
                "Nach der neuen LED-Beleuchtung im Palastgarten sollen die Meldungen dunkler Wege in Mitte sinken.",
                Indicator.REPORTS, null, lighting, mitte, null, Direction.DOWN, 1.25, gardens, 40);
        goal(year - 1, "Diebstähle in Mitte senken",
                "Mit der gemeinsamen Streife am Bahnhof und den Fahrradbügeln mit Kamera: weniger Diebstähle, "
                        + "vor allem Fahrraddiebstähle am Bahnhof.",
                Indicator.CRIME_CASES, null, null, mitte, "Diebstahl insgesamt", Direction.DOWN, 1.05, police, 800);
        goal(year - 1, MISSED, "Die Meldungen über Trinkergruppen am Bahnhof und in der Stadt sollen um ein Viertel "
                + "sinken; die Verlagerung aus dem Palastgarten hat das verhindert.",
                Indicator.REPORTS, null, drinking, null, null, Direction.DOWN, 0.75, publicOrder, 120);

        // this year
        goal(year, "Sicherheitsgefühl rund um den Palastgarten verbessern",
                "Weniger Menschen in Mitte sollen sich nachts allein unsicher fühlen (Bürgerumfrage).",
                Indicator.FEELING_UNSAFE, null, null, mitte, null, Direction.DOWN, 1.1, kkp, 35);
        goal(year, ANSWERING, "85 % der Anliegen sollen innerhalb von fünf Arbeitstagen eine erste Antwort bekommen.",
                Indicator.ANSWERED_WITHIN, 5, null, null, null, Direction.UP, 1.05, publicOrder, 75);
        goal(year, "Fahrraddiebstahl am Bahnhof weiter senken",
                "Diebstähle in Mitte (PKS); die Zahlen des Jahres kommen mit der PKS im Frühjahr.",
                Indicator.CRIME_CASES, null, null, mitte, "Diebstahl insgesamt", Direction.DOWN, 1.0, police, 700);
        goal(year, "Dunkle Ecken im Neckarblick beseitigen",
                "Weniger Meldungen defekter Beleuchtung in der ganzen Stadt.",
                Indicator.REPORTS, null, lighting, null, null, Direction.DOWN, 1.2, gardens, 60);
    }

    /**
     * Sets a goal whose baseline is {@code factor} times last year's (or, if unknown, {@code fallback}) and whose
     * target lies between: a factor above 1 for a falling indicator means a baseline above, a target just below the
     * value the demo measures now, so that the goal shows as achieved; a factor below 1 the other way round.
     */
    private void goal(int year, String title, String description, Indicator indicator, Integer days,
            java.util.UUID category, DistrictId district, String group, Direction direction, double factor,
            OrganisationId owner, double fallback) {
        var id = goals.set(new GoalDraft(year, title, description, indicator, days, category, district, group, null,
                BigDecimal.ZERO, BigDecimal.ONE, Direction.UP, owner));
        var value = goals.progress(id).value();
        double now = value == null ? fallback : value;
        if (value != null && indicator.count() && year == story.today().getYear()) {
            now = now / Math.max(0.05, goalsElapsed());
        }
        double baseline;
        double target;
        boolean up = direction == Direction.UP;
        if (factor >= 1) { // achieved, or on track
            baseline = up ? now / (factor + 0.1) : now * (factor + 0.1);
            target = up ? now / factor : now * factor;
            if (!up) {
                target = Math.max(target, now + 1);
                baseline = Math.max(baseline, target + 1);
            }
        } else { // missed: the target lies beyond the value
            baseline = up ? now * factor * 0.95 : now / factor;
            target = up ? Math.min(100, Math.max(now / factor, now + 1)) : now * factor;
        }
        if (indicator == Indicator.ANSWERED_WITHIN || indicator == Indicator.FEELING_UNSAFE) {
            baseline = Math.min(99, Math.max(0, baseline));
            target = Math.min(100, Math.max(0, target));
        }
        if (Math.abs(target - baseline) < 0.5) {
            baseline = up ? target - 1 : target + 1;
        }
        goals.change(id, new GoalDraft(year, title, description, indicator, days, category, district, group, null,
                round(baseline, indicator), round(target, indicator), direction, owner));
    }

    private double goalsElapsed() {
        var today = story.today();
        return (double) today.getDayOfYear() / today.lengthOfYear();
    }

    private static BigDecimal round(double value, Indicator indicator) {
        return BigDecimal.valueOf(value).setScale(indicator.count() ? 0 : 1, RoundingMode.HALF_UP);
    }

    private OrganisationId organisation(String name) {
        return organisations.all().stream().filter(o -> o.name().equals(name)).map(o -> o.id()).findFirst()
                .orElse(null);
    }
}
