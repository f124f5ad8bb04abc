package de.sipa.prevention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Euro amounts and indicator values as people type them: "1.500", "1500,50", "1500.5". */
final class Amounts {

    private Amounts() {
    }

    /** The number typed, or {@code null} if the text is empty; throws {@link NumberFormatException} if it is no number. */
    static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace("€", "").replace(" ", "").replace("\u00a0", "");
        if (t.contains(",")) {
            t = t.replace(".", "").replace(',', '.');
        } else if (t.matches("-?\\d{1,3}(\\.\\d{3})+")) {
            t = t.replace(".", "");
        }
        return new BigDecimal(t);
    }

    static String format(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        var format = NumberFormat.getNumberInstance(Locale.GERMANY);
        format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        format.setMaximumFractionDigits(2);
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }
}
