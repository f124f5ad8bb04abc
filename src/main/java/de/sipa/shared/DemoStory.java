package de.sipa.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The one story the Musterstadt demo tells, dated relative to the day it is loaded, so that every module's demo data
 * agree on when things happened: the last 24 months of reports; in the first winter of them the paths of the
 * Palastgarten are dark (a cluster of lighting reports), the Koordinierungskreis takes it up, the night is given to
 * the police in the matrix, the Lenkungsgruppe decides LED lighting and a joint foot patrol, the patrol walks from
 * May, the lamps are replaced in October; the second winter brings dark paths in the Neckarblick estate instead.
 *
 * @param today the day the demo is loaded
 */
public record DemoStory(LocalDate today) {

    /** The same seed gives the same city. */
    public static final long SEED = 20_241_202L;
    /** How far the history of reports reaches back. */
    public static final int MONTHS = 24;

    /** The first day of the reports' history. */
    public LocalDate start() {
        return today.minusMonths(MONTHS);
    }

    /** The first January 1 after the start: the winter of the Palastgarten's dark paths. */
    public LocalDate firstWinter() {
        return LocalDate.of(start().getYear() + 1, 1, 1);
    }

    /** The first of the month {@code offset} months after (or before) the first winter's January. */
    public LocalDate month(int offset) {
        return firstWinter().plusMonths(offset);
    }

    /** The matrix was drawn up before the first report of the history came in. */
    public LocalDate matrixDrawnUp() {
        return start().minusMonths(1).withDayOfMonth(15);
    }

    /** From March of the first winter the police lead noise, alcohol and pub noise at night (decided by the KK). */
    public LocalDate nightGivenToPolice() {
        return month(2);
    }

    /** The working group "Sicherheit im Palastgarten" starts with the night change. */
    public LocalDate workingGroupFounded() {
        return month(2);
    }

    /** The joint patrol walks on Friday and Saturday nights from this time until {@link #PATROL_ENDS}. */
    public static final LocalTime PATROL_BEGINS = LocalTime.of(20, 0);
    /** The time the joint patrol's night ends, on the next morning. */
    public static final LocalTime PATROL_ENDS = LocalTime.of(2, 0);

    /** The first Friday of May: the joint foot patrol in the Palastgarten and at the Hauptbahnhof begins. */
    public LocalDate patrolsBegin() {
        return month(4).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    }

    /** The Palastgarten's LED lighting is in place. */
    public LocalDate lightingRenewed() {
        return month(9).plusDays(14);
    }

    /** After the review "Stadtbild" graffiti goes from the police to the Ordnungsamt. */
    public LocalDate graffitiToPublicOrder() {
        return month(10).plusDays(19);
    }

    /** The Koordinierungskreis takes up the Palastgarten's dark paths: the second Tuesday of February. */
    public LocalDate lightingTakenUp() {
        return month(1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
    }

    /** The Lenkungsgruppe decides LED lighting and the joint patrol: the second Thursday of April. */
    public LocalDate lightingDecided() {
        return month(3).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.THURSDAY));
    }

    /** The Lenkungsgruppe approves the review "Stadtbild", two days before the matrix changes. */
    public LocalDate reviewDecided() {
        return graffitiToPublicOrder().minusDays(2);
    }

    /**
     * From the first of the month ten months ago the Deutsche Bahn locks the underpass west of the Hauptbahnhof at
     * night; its dealing and drinking move to the street next to it.
     */
    public LocalDate underpassClosedAtNight() {
        return today.minusMonths(10).withDayOfMonth(1);
    }

    /** From the second winter on the Neckarblick estate's paths and stop are dark. */
    public LocalDate estateDark() {
        return month(10);
    }
}
