package de.sipa.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV file SiPa writes (for Excel: semicolons, the caller writes UTF-8 with BOM). A cell that a spreadsheet
 * would read as a formula – starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return –
 * is written with a single quote in front, so that nobody can plant a formula for the reader's spreadsheet (OWASP
 * "CSV injection"). {@link CsvTable} drops that quote again when such a file is imported.
 */
public final class CsvSheet {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;

    private CsvSheet(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Starts a sheet with its header row; the writer stays the caller's (not closed here). */
    public static CsvSheet on(Writer out, String... header) {
        try {
            return new CsvSheet(new CSVPrinter(out,
                    CSVFormat.EXCEL.builder().setDelimiter(';').setHeader(neutralise(header)).get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(Object... cells) {
        try {
            printer.printRecord(Arrays.stream(cells).map(CsvSheet::neutralise).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell as it is safe to write: unchanged, or with a quote in front if it would start a formula. */
    public static String neutralise(Object cell) {
        var text = cell == null ? "" : cell.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String[] neutralise(String[] header) {
        return Arrays.stream(header).map(CsvSheet::neutralise).toArray(String[]::new);
    }

    /** The value a neutralised cell stood for (for imports of SiPa's own exports). */
    static String restore(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }
}
