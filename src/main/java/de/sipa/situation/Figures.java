package de.sipa.situation;

/**
 * The PKS figures of one offence group in one district (or the whole city) and year.
 *
 * @param reported whether the police's figures contain the district and year at all (if not, the counts are 0
 *        and mean "no figures", not "no offences")
 * @param population the inhabitants that year, or {@code null} if not entered
 */
public record Figures(boolean reported, long cases, long solved, long suspects, Integer population) {

    static Figures none(Integer population) {
        return new Figures(false, 0, 0, 0, population);
    }

    /** Häufigkeitszahl: cases per 100,000 inhabitants; {@code null} without figures or population. */
    public Double frequencyRate() {
        if (!reported || population == null || population <= 0) {
            return null;
        }
        return cases * 100_000.0 / population;
    }

    /** Aufklärungsquote: solved cases in percent of the cases; {@code null} without cases. */
    public Double clearanceRate() {
        if (!reported || cases == 0) {
            return null;
        }
        return solved * 100.0 / cases;
    }

    Figures plus(Figures other) {
        return new Figures(reported || other.reported, cases + other.cases, solved + other.solved,
                suspects + other.suspects, population == null || other.population == null ? null
                        : population + other.population);
    }
}
