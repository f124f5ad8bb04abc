package de.sipa.situation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.util.MultiValueMap;

/**
 * The steps the imports of the situation picture share, for their fixed sets of columns (enums), on top of the steps
 * every import shares ({@link de.sipa.shared.ImportColumns}): assigning the file's columns to what SiPa needs (the
 * user's choice, else the header that names it), telling what is missing and reading the choice back from the
 * preview's form ({@code column.KEY=schlüssel}). Messages are looked up under the
 * import's prefix: {@code <prefix>.column.<NAME>}, {@code <prefix>.import.unassigned},
 * {@code <prefix>.import.sameColumn}.
 */
final class ImportColumns {

    private ImportColumns() {
    }

    /** The file's header per column: the chosen one where the file has it, else the first header that names it. */
    static <C extends Enum<C> & ImportColumn> EnumMap<C, String> assign(Class<C> type, List<String> header,
            Map<C, String> chosen) {
        var columns = new EnumMap<C, String>(type);
        columns.putAll(de.sipa.shared.ImportColumns.assign(List.of(type.getEnumConstants()), header, chosen,
                ImportColumn::names));
        return columns;
    }

    /**
     * Why the file cannot be read under the assignment (columns without a file's column, one column for two), or
     * {@code null}.
     *
     * @param message looks up a message key with its arguments in the user's language
     */
    static <C extends Enum<C> & ImportColumn> String problem(Class<C> type, Map<C, String> columns, String prefix,
            BiFunction<String, Object[], String> message) {
        var missing = new ArrayList<String>();
        for (var column : type.getEnumConstants()) {
            if (columns.containsKey(column)) {
                continue;
            }
            missing.add("„" + message.apply(prefix + ".column." + column.name(), new Object[0]) + "“");
        }
        if (!missing.isEmpty()) {
            return message.apply(prefix + ".import.unassigned",
                    new Object[] {String.join(", ", missing), sampleHeader(type)});
        }
        if (de.sipa.shared.ImportColumns.sameColumnTwice(columns)) {
            return message.apply(prefix + ".import.sameColumn", new Object[0]);
        }
        return null;
    }

    /** The headers of the sample, joined with semicolons. */
    static <C extends Enum<C> & ImportColumn> String sampleHeader(Class<C> type) {
        var joined = new StringBuilder();
        for (var column : type.getEnumConstants()) {
            joined.append(joined.isEmpty() ? "" : ";").append(column.header());
        }
        return joined.toString();
    }

    /** The columns as the preview's form posts them: {@code column.KEY=schlüssel}. */
    static <C extends Enum<C> & ImportColumn> EnumMap<C, String> fromForm(Class<C> type,
            MultiValueMap<String, String> params) {
        var columns = new EnumMap<C, String>(type);
        columns.putAll(de.sipa.shared.ImportColumns.fromForm(List.of(type.getEnumConstants()), Enum::name, params));
        return columns;
    }
}
