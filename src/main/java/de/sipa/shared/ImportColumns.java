package de.sipa.shared;

import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.springframework.util.MultiValueMap;

/**
 * The steps the previews of CSV imports share, whatever the columns they need (a fixed set, as the crime figures', or
 * one per question, as a survey's): assigning the file's columns (the user's choice, else the first header that names
 * the column), telling whether one file column was assigned twice, reading the choice back from the preview's form
 * ({@code column.KEY=header}) and carrying the uploaded file along in the form (Base64), so that nothing is stored
 * before the user confirms.
 */
public final class ImportColumns {

    private ImportColumns() {
    }

    /**
     * The file's header per column, in the order of the columns: the chosen one where the file has it, else the first
     * header that names it; columns without either are left out.
     */
    public static <K> Map<K, String> assign(Collection<K> columns, List<String> header, Map<K, String> chosen,
            BiPredicate<K, String> names) {
        var assigned = new LinkedHashMap<K, String>();
        for (var column : columns) {
            var wanted = chosen.get(column);
            if (wanted != null && header.contains(wanted)) {
                assigned.put(column, wanted);
            } else {
                header.stream().filter(h -> names.test(column, h)).findFirst().ifPresent(h -> assigned.put(column, h));
            }
        }
        return assigned;
    }

    /** Whether one of the file's columns is assigned to two columns. */
    public static boolean sameColumnTwice(Map<?, String> assigned) {
        return assigned.values().stream().distinct().count() < assigned.size();
    }

    /** The columns as the preview's form posts them: {@code column.KEY=header}, blank ones left out. */
    public static <K> Map<K, String> fromForm(Collection<K> columns, Function<K, String> key,
            MultiValueMap<String, String> params) {
        var assigned = new LinkedHashMap<K, String>();
        for (var column : columns) {
            var header = params.getFirst("column." + key.apply(column));
            if (header != null && !header.isBlank()) {
                assigned.put(column, header);
            }
        }
        return assigned;
    }

    /** The file the preview's form carries along; empty if it is not Base64. */
    public static byte[] decode(String content) {
        try {
            return Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    public static String encode(byte[] content) {
        return Base64.getEncoder().encodeToString(content);
    }
}
