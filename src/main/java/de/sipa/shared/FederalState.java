package de.sipa.shared;

import java.util.Locale;

/**
 * A Land of Germany, named by its ISO 3166-2 code without the country (BW for DE-BW), in the order of their German
 * names. Its public holidays decide working days and patrol days ({@link PublicHolidays}); its label is the message
 * {@code federalState.<code>}.
 */
public enum FederalState {
    BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH;

    /** The message key of its name ("Baden-Württemberg"). */
    public String labelKey() {
        return "federalState." + name();
    }

    /** The code of its subdivision in the holiday calendar. */
    String subdivision() {
        return name().toLowerCase(Locale.ROOT);
    }
}
