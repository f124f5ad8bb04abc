package de.sipa.places;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The citizens' ratings of a place ("how safe do you feel here", 1 very unsafe … 5 very safe) in the window before the
 * start date and the window after. Ratings are kept per month, so a window takes the months that lie wholly inside it:
 * the month in which the measures started counts to neither side unless they started on its first day. A window with
 * fewer than {@link #MIN_RATINGS} ratings shows neither count nor mean, so that no single rating can be read off.
 *
 * @param beforeFrom first month of the window before; after {@code beforeTo} when no whole month fits
 * @param afterFrom first month of the window after
 */
public record RatingComparison(YearMonth beforeFrom, YearMonth beforeTo, YearMonth afterFrom, YearMonth afterTo,
        Window before, Window after) {

    /** Below this many ratings in a window, count and mean are withheld. */
    public static final int MIN_RATINGS = 5;

    /**
     * The ratings of one window.
     *
     * @param count how many ratings; {@code null} when withheld
     * @param mean their mean; {@code null} when withheld or there are none
     */
    public record Window(Integer count, Double mean) {

        /** The window's figures as stored: withheld below {@link #MIN_RATINGS}. */
        static Window of(long count, double sum) {
            return count < MIN_RATINGS ? new Window(null, null) : new Window((int) count, sum / count);
        }

        /** Whether count and mean are withheld because there are too few ratings. */
        public boolean withheld() {
            return count == null;
        }
    }

    /** The whole months inside [from, to): from the first month beginning on or after {@code from}. */
    static YearMonth firstWholeMonth(LocalDate from) {
        return from.getDayOfMonth() == 1 ? YearMonth.from(from) : YearMonth.from(from).plusMonths(1);
    }

    /** The last month ending before {@code end} (exclusive). */
    static YearMonth lastWholeMonth(LocalDate end) {
        return YearMonth.from(end).minusMonths(1);
    }

    /** Whether both windows have ratings enough to compare their means. */
    public boolean comparable() {
        return !before.withheld() && !after.withheld();
    }

    /** The change of the mean, after minus before; {@code null} unless {@link #comparable()}. */
    public Double change() {
        return comparable() ? after.mean() - before.mean() : null;
    }

    /** Whether a month at the edges of the windows (the start's own month) was left out. */
    public boolean monthsLeftOut() {
        return !beforeTo.plusMonths(1).equals(afterFrom);
    }
}
