package de.sipa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Adds a benchmark's figure to the file named by {@code SIPA_BENCH_RECORD} (set by {@code bench/run-all.sh}), the
 * same CSV rows as {@code bench/timing.py}'s {@code record}, so that a run can be compared with the last recorded
 * one. Does nothing when a benchmark runs on its own.
 */
public final class BenchRecord {

    private BenchRecord() {
    }

    /** Unit "ms" and "MiB" count as lower-is-better, "1/s" and "%" as higher-is-better in the comparison. */
    public static void record(String scenario, String metric, double value, String unit) {
        var path = System.getenv("SIPA_BENCH_RECORD");
        if (path == null || path.isBlank()) {
            return;
        }
        var row = String.format(Locale.ROOT, "\"%s\",%s,%.2f,%s%n", scenario.replace("\"", "\"\""), metric, value, unit);
        try {
            Files.writeString(Path.of(path), row, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
