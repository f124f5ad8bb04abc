package de.sipa.situation;

import java.time.DayOfWeek;
import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formats for the district profile's page, asked as {@code @districtProfileFormat}. */
@Component("districtProfileFormat")
public class DistrictProfileFormat {

    /** The weekdays in the user's language, short: "Fr., Sa.". */
    public String weekdays(List<DayOfWeek> days) {
        return DistrictProfileDocument.weekdays(days, LocaleContextHolder.getLocale());
    }
}
