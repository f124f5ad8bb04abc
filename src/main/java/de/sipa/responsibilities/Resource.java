package de.sipa.responsibilities;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import de.sipa.shared.RuleViolationException;

/** Something an organisation puts into a task: a number with a free unit, e.g. 8 "h/Woche", 2 "Personen". */
public record Resource(BigDecimal amount, String unit) {

    private static final Pattern ITEM = Pattern.compile("^(-?[0-9]+(?:[.,][0-9]+)?)\\s*(.{1,40})$");

    /** Reads "8 h/Woche; 2 Personen; 5000 €/Jahr" as typed into a form or a CSV cell. */
    public static List<Resource> parseAll(String text) {
        var resources = new ArrayList<Resource>();
        if (text == null || text.isBlank()) {
            return resources;
        }
        for (var item : text.split(";")) {
            if (item.isBlank()) {
                continue;
            }
            var matcher = ITEM.matcher(item.strip().replace('\u00a0', ' '));
            if (!matcher.matches()) {
                throw new RuleViolationException("entry.resources.invalid", item.strip());
            }
            var amount = new BigDecimal(matcher.group(1).replace(',', '.'));
            if (amount.signum() < 0) {
                throw new RuleViolationException("entry.resources.invalid", item.strip());
            }
            resources.add(new Resource(amount, matcher.group(2).strip()));
        }
        return resources;
    }

    public static String formatAll(List<Resource> resources) {
        return String.join("; ", resources.stream().map(Resource::toString).toList());
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString().replace('.', ',') + " " + unit;
    }
}
