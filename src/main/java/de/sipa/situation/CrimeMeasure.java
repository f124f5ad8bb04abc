package de.sipa.situation;

/** What the trend chart and table show; labels in messages ({@code crimeFigures.measure.*}). */
public enum CrimeMeasure {
    /** Häufigkeitszahl: cases per 100,000 inhabitants, which compares districts of different size. */
    FREQUENCY,
    /** Erfasste Fälle. */
    CASES,
    /** Aufklärungsquote in percent. */
    CLEARANCE;

    public Double of(Figures figures) {
        if (!figures.reported()) {
            return null;
        }
        return switch (this) {
            case FREQUENCY -> figures.frequencyRate();
            case CASES -> (double) figures.cases();
            case CLEARANCE -> figures.clearanceRate();
        };
    }
}
