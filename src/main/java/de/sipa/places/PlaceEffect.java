package de.sipa.places;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Whether the measures at a place worked: the reports in the place, the buffer ring around it and the comparison area
 * in the window before the start and the window of the same length (in days) after, the difference in differences and
 * the Weighted Displacement Quotient, and what a reader must keep in mind.
 *
 * @param comparison {@code null} while no comparison area is drawn
 * @param difference {@code null} without a comparison area or with too few cases
 * @param displacement {@code null} without a comparison area or with too few cases
 * @param ratings the citizens' ratings of the place in the same windows (whole months)
 */
public record PlaceEffect(PlaceId placeId, PlaceEffectSettings settings, LocalDate beforeFrom, LocalDate beforeTo,
        LocalDate afterFrom, LocalDate afterTo, AreaCounts place, AreaCounts buffer, AreaCounts comparison,
        DifferenceInDifferences difference, WeightedDisplacementQuotient displacement, Set<Caveat> caveats,
        RatingComparison ratings) {

    /** Below this many reports in the place (before and after together) no rate is given. */
    public static final int MIN_CASES = 20;
    /** Below this many the figures are given with a warning about small numbers. */
    static final int SMALL_CASES = 50;

    /** What limits the figures' meaning. */
    public enum Caveat {
        NO_COMPARISON_AREA, TOO_FEW_CASES, TOO_FEW_COMPARISON_CASES, SMALL_NUMBERS, SEASONS_DIFFER, AFTER_NOT_OVER,
        REPORTS_BEGIN_LATER, REPORTING
    }

    /** Whether there are cases enough for rates: if not, only the counts are shown. */
    public boolean enoughCases() {
        return !caveats.contains(Caveat.TOO_FEW_CASES) && !caveats.contains(Caveat.TOO_FEW_COMPARISON_CASES);
    }

    /** The result as plain sentences (message keys of {@code place.effect.sentence.} and {@code .caveat.}). */
    public List<MessageSourceResolvable> sentence() {
        var parts = new ArrayList<MessageSourceResolvable>();
        int months = settings.windowMonths();
        parts.add(phrase("place.effect.sentence.counts", months, date(afterFrom), place.after(), place.before()));
        if (comparison == null) {
            parts.add(phrase("place.effect.sentence.noComparison"));
        } else if (!enoughCases()) {
            parts.add(phrase("place.effect.sentence.tooFew", place.total(), comparison.total(), MIN_CASES));
        } else {
            if (difference.ratio() == null) {
                parts.add(phrase("place.effect.sentence.noRatio"));
            } else {
                long percent = Math.round(Math.abs(difference.relativeEffect()) * 100);
                parts.add(phrase(difference.ratio() < 1 ? "place.effect.sentence.fewer" : "place.effect.sentence.more",
                        percent, comparison.before(), comparison.after(), difference.difference()));
            }
            var wdq = displacement;
            parts.add(phrase("place.effect.sentence.wdq." + wdq.reading().name(), settings.bufferMetres(),
                    wdq.value() == null ? 0 : wdq.value(), buffer.before(), buffer.after(),
                    wdq.totalNetEffect() == null ? 0 : Math.abs(Math.round(wdq.totalNetEffect()))));
        }
        for (var caveat : caveats) {
            if (caveat != Caveat.NO_COMPARISON_AREA && caveat != Caveat.TOO_FEW_CASES
                    && caveat != Caveat.TOO_FEW_COMPARISON_CASES) {
                parts.add(phrase("place.effect.caveat." + caveat.name(), date(beforeFrom), date(beforeTo),
                        date(afterFrom), date(afterTo)));
            }
        }
        return parts;
    }

    private static MessageSourceResolvable phrase(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {key}, arguments);
    }

    /** A day as {@link Date}, which message formats write in the reader's language ({0,date,medium}). */
    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
