package de.sipa.situation;

import java.text.NumberFormat;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers of the crime figures as the PKS prints them, in the user's language: counts grouped from five digits on
 * (2013 Fälle, 24.500 Einwohner), Häufigkeitszahlen without decimals, quotas with one. Asked as {@code @pksFormat}.
 */
@Component("pksFormat")
public class PksFormat {

    public String count(Number value) {
        if (value == null) {
            return "–";
        }
        var format = NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale());
        format.setGroupingUsed(Math.abs(value.doubleValue()) >= 10_000);
        return format.format(value);
    }

    public String rate(Double value) {
        return value == null ? "–" : count(Math.round(value));
    }

    public String percent(Double value) {
        if (value == null) {
            return "–";
        }
        var format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value) + " %";
    }

    /** The change from one count to another in percent with its sign, "+4,2 %"; a dash without a base. */
    public String change(Figures before, Figures now) {
        if (before == null || now == null || !before.reported() || !now.reported() || before.cases() == 0) {
            return "–";
        }
        double change = (now.cases() - before.cases()) * 100.0 / before.cases();
        return (change > 0 ? "+" : change < 0 ? "−" : "±") + percent(Math.abs(change));
    }

    /** A value of the chart's axis or a measure's value in a table. */
    public String measure(CrimeMeasure measure, Double value) {
        return measure == CrimeMeasure.CLEARANCE ? percent(value) : rate(value);
    }
}
