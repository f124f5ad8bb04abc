package de.sipa.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

/**
 * One dataset's rows: text, whole numbers, decimals, or {@code null} for a suppressed count. Written as CSV (RFC 4180,
 * UTF-8, comma, a header row, a suppressed cell empty) and as JSON (an array of objects, a suppressed cell
 * {@code null}).
 */
record DatasetTable(List<String> columns, List<List<Object>> rows) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String csv() {
        var out = new StringBuilder();
        out.append(String.join(",", columns)).append("\r\n");
        for (var row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    String json() {
        var list = new ArrayList<LinkedHashMap<String, Object>>();
        for (var row : rows) {
            var object = new LinkedHashMap<String, Object>();
            for (int i = 0; i < columns.size(); i++) {
                object.put(columns.get(i), row.get(i));
            }
            list.add(object);
        }
        return JSON.writeValueAsString(list);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        var text = value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
