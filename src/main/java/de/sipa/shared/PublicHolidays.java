package de.sipa.shared;

import java.time.LocalDate;
import java.time.Year;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * The public holidays of one Land: the nationwide ones (New Year, Good Friday, Easter Monday, Labour Day, Ascension,
 * Whit Monday, German Unity Day, Christmas) and the Land's own (in Baden-Württemberg Epiphany, Corpus Christi and
 * All Saints, in Berlin Women's Day, …), from the maintained calendar of the Jollyday library. Each year is worked
 * out once and kept.
 */
public final class PublicHolidays {

    private static final HolidayManager GERMANY = HolidayManager
            .getInstance(ManagerParameters.create(HolidayCalendar.GERMANY));
    private static final Map<FederalState, PublicHolidays> BY_STATE = new EnumMap<>(FederalState.class);

    static {
        for (var state : FederalState.values()) {
            BY_STATE.put(state, new PublicHolidays(state));
        }
    }

    private final FederalState state;
    private final Map<Integer, Set<LocalDate>> years = new ConcurrentHashMap<>();

    private PublicHolidays(FederalState state) {
        this.state = state;
    }

    public static PublicHolidays of(FederalState state) {
        return BY_STATE.get(state);
    }

    public FederalState state() {
        return state;
    }

    public boolean isHoliday(LocalDate day) {
        return in(day.getYear()).contains(day);
    }

    /** The public holidays of a year in this Land. */
    public Set<LocalDate> in(int year) {
        return years.computeIfAbsent(year, y -> GERMANY
                .getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, state.subdivision()).stream()
                .map(Holiday::getActualDate).collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public String toString() {
        return "PublicHolidays[" + state + "]";
    }
}
