package de.sipa.shared;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV file as users produce it: UTF-8 (with or without BOM) or Windows-1252 from older Excel,
 * semicolons or commas, a header row. Columns are looked up by their lower-cased header; every row knows the
 * line an editor shows for it. Problems with the file as a whole are thrown as {@link RuleViolationException}
 * with the keys {@code import.file.*}.
 */
public record CsvTable(List<String> header, List<Row> rows) {

    public record Row(long line, Map<String, String> values) {

        /** The stripped value of a column, or an empty string if the column or the cell is missing. */
        public String get(String column) {
            return values.getOrDefault(column.toLowerCase(Locale.ROOT), "");
        }
    }

    public boolean has(String column) {
        return header.contains(column.toLowerCase(Locale.ROOT));
    }

    public static CsvTable read(byte[] file, int maxBytes, int maxRows) {
        if (file == null || file.length == 0) {
            throw new RuleViolationException("import.file.empty");
        }
        if (file.length > maxBytes) {
            throw new RuleViolationException("import.file.tooLarge", maxBytes / 1024);
        }
        var text = decode(file);
        var firstLine = text.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') >= count(firstLine, ',') ? ';' : ',';
        try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            var header = parser.getHeaderNames().stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
            var records = parser.getRecords();
            if (records.size() > maxRows) {
                throw new RuleViolationException("import.file.tooManyRows", maxRows);
            }
            var lines = lineStarts(text);
            var rows = new ArrayList<Row>();
            for (var record : records) {
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.putIfAbsent(header.get(i), CsvSheet.restore(record.get(i).strip()));
                }
                rows.add(new Row(line(text, lines, record), values));
            }
            return new CsvTable(header, rows);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new RuleViolationException("import.file.malformed", e.getMessage());
        } catch (UncheckedIOException e) {
            throw new RuleViolationException("import.file.malformed", e.getCause().getMessage());
        }
    }

    private static int[] lineStarts(String text) {
        return IntStream.concat(IntStream.of(0),
                IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').map(i -> i + 1)).toArray();
    }

    /** The parser reports where it started reading, which is before any skipped empty lines. */
    private static long line(String text, int[] starts, CSVRecord record) {
        int position = (int) record.getCharacterPosition();
        while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
            position++;
        }
        int index = Arrays.binarySearch(starts, position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    private static int count(String line, char c) {
        return (int) line.chars().filter(ch -> ch == c).count();
    }

    private static String decode(byte[] file) {
        try {
            var text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(file, Charset.forName("windows-1252"));
        }
    }
}
