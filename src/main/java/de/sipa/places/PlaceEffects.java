package de.sipa.places;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;

import org.locationtech.jts.geom.Polygonal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.places.PlaceEffect.Caveat;
import de.sipa.reports.ReportLocations;
import de.sipa.shared.RuleViolationException;

/**
 * Whether the measures at a place worked: counts the reports in the place, in a buffer ring around it and in a
 * comparison area, before and after the start of the measures, sets the citizens' ratings of the same windows beside
 * them, and keeps per place what is compared.
 */
@Service
@Transactional
public class PlaceEffects {

    private final Places places;
    private final PlaceEffectRepository settings;
    private final ReportLocations locations;
    private final PublicPlaceRepository ratings;
    private final AuditTrail auditTrail;
    private final Clock clock;

    PlaceEffects(Places places, PlaceEffectRepository settings, ReportLocations locations,
            PublicPlaceRepository ratings, AuditTrail auditTrail, Clock clock) {
        this.places = places;
        this.settings = settings;
        this.locations = locations;
        this.ratings = ratings;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** What the place's evaluation compares: as set, or 12 months from the day the place was drawn, 200 m. */
    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public PlaceEffectSettings settings(PlaceId id) {
        var place = places.place(id);
        return settings.find(CurrentUser.partnership(), id).orElseGet(() -> new PlaceEffectSettings(
                place.createdAt().atZone(clock.getZone()).toLocalDate(), PlaceEffectSettings.DEFAULT_WINDOW_MONTHS,
                PlaceEffectSettings.DEFAULT_BUFFER_METRES, null));
    }

    /** The place's evaluation with its kept settings. */
    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public PlaceEffect evaluate(PlaceId id) {
        return evaluate(places.place(id), settings(id));
    }

    /** Keeps what the place's evaluation compares; refuses a comparison area that meets the place or its buffer. */
    @PreAuthorize(PlacePermissions.EDIT)
    public void change(PlaceId id, PlaceEffectSettings wanted) {
        var place = places.place(id);
        if (wanted.start() == null) {
            throw new RuleViolationException("place.effect.start.required");
        }
        if (wanted.start().isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("place.effect.start.future");
        }
        if (wanted.windowMonths() < 1 || wanted.windowMonths() > PlaceEffectSettings.MAX_WINDOW_MONTHS) {
            throw new RuleViolationException("place.effect.window.invalid", PlaceEffectSettings.MAX_WINDOW_MONTHS);
        }
        if (wanted.bufferMetres() < PlaceEffectSettings.MIN_BUFFER_METRES
                || wanted.bufferMetres() > PlaceEffectSettings.MAX_BUFFER_METRES) {
            throw new RuleViolationException("place.effect.buffer.invalid", PlaceEffectSettings.MIN_BUFFER_METRES,
                    PlaceEffectSettings.MAX_BUFFER_METRES);
        }
        String comparison = null;
        if (wanted.comparisonArea() != null && !wanted.comparisonArea().isBlank()) {
            var shape = PlaceShape.of(wanted.comparisonArea(), PlaceShape.MIN_RADIUS);
            if (!(shape.outline() instanceof Polygonal)) {
                throw new RuleViolationException("place.effect.comparison.polygon");
            }
            var area = place.shape().area();
            if (shape.area().overlaps(area) || shape.area().overlaps(area.around(wanted.bufferMetres()))) {
                throw new RuleViolationException("place.effect.comparison.overlaps", wanted.bufferMetres());
            }
            comparison = shape.geometry();
        }
        settings.save(CurrentUser.partnership(), id, new PlaceEffectSettings(wanted.start(), wanted.windowMonths(),
                wanted.bufferMetres(), comparison), clock.instant());
        auditTrail.record(AuditAction.CHANGED, "Place", id, auditTrail.summary("audit.place.effect", place.name()));
    }

    private PlaceEffect evaluate(Place place, PlaceEffectSettings settings) {
        var zone = clock.getZone();
        var start = settings.start();
        var afterEnd = start.plusMonths(settings.windowMonths());
        var beforeFrom = start.minusDays(ChronoUnit.DAYS.between(start, afterEnd));
        var area = place.shape().area();
        var buffer = area.around(settings.bufferMetres());
        var comparison = settings.comparisonArea() == null ? null
                : PlaceShape.of(settings.comparisonArea(), PlaceShape.MIN_RADIUS).area();
        var tally = new PlaceEffectTally(area, buffer, comparison, beforeFrom.atStartOfDay(zone).toInstant(),
                start.atStartOfDay(zone).toInstant(), afterEnd.atStartOfDay(zone).toInstant());
        locations.forEachWithin(buffer.bounds(), beforeFrom.atStartOfDay(zone).toInstant(),
                afterEnd.atStartOfDay(zone).toInstant(), tally::nearPlace);
        if (comparison != null) {
            locations.forEachWithin(comparison.bounds(), beforeFrom.atStartOfDay(zone).toInstant(),
                    afterEnd.atStartOfDay(zone).toInstant(), tally::nearComparison);
        }
        var counts = tally.place();
        var caveats = EnumSet.noneOf(Caveat.class);
        if (comparison == null) {
            caveats.add(Caveat.NO_COMPARISON_AREA);
        } else if (tally.comparison().total() < PlaceEffect.MIN_CASES) {
            caveats.add(Caveat.TOO_FEW_COMPARISON_CASES);
        }
        if (counts.total() < PlaceEffect.MIN_CASES) {
            caveats.add(Caveat.TOO_FEW_CASES);
        } else if (counts.total() < PlaceEffect.SMALL_CASES) {
            caveats.add(Caveat.SMALL_NUMBERS);
        }
        if (settings.windowMonths() % 12 != 0) {
            caveats.add(Caveat.SEASONS_DIFFER);
        }
        if (!afterEnd.isBefore(LocalDate.now(clock).plusDays(1))) {
            caveats.add(Caveat.AFTER_NOT_OVER);
        }
        if (locations.firstReportDay().filter(first -> first.isAfter(beforeFrom)).isPresent()) {
            caveats.add(Caveat.REPORTS_BEGIN_LATER);
        }
        caveats.add(Caveat.REPORTING);
        boolean enough = comparison != null && !caveats.contains(Caveat.TOO_FEW_CASES)
                && !caveats.contains(Caveat.TOO_FEW_COMPARISON_CASES);
        return new PlaceEffect(place.id(), settings, beforeFrom, start.minusDays(1), start, afterEnd.minusDays(1),
                counts, tally.buffer(), tally.comparison(),
                enough ? DifferenceInDifferences.of(counts, tally.comparison()) : null,
                enough ? WeightedDisplacementQuotient.of(counts, tally.buffer(), tally.comparison()) : null, caveats,
                ratings(place.id(), beforeFrom, start, afterEnd));
    }

    /** The citizens' ratings in the whole months of each window. */
    private RatingComparison ratings(PlaceId id, LocalDate beforeFrom, LocalDate start, LocalDate afterEnd) {
        var beforeFirst = RatingComparison.firstWholeMonth(beforeFrom);
        var beforeLast = RatingComparison.lastWholeMonth(start);
        var afterFirst = RatingComparison.firstWholeMonth(start);
        var afterLast = RatingComparison.lastWholeMonth(afterEnd);
        return new RatingComparison(beforeFirst, beforeLast, afterFirst, afterLast,
                ratings.ratings(id, beforeFirst, beforeLast), ratings.ratings(id, afterFirst, afterLast));
    }
}
