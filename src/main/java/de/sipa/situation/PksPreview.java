package de.sipa.situation;

import de.sipa.shared.CheckedRows;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import de.sipa.partners.DistrictId;
import de.sipa.shared.ImportRow;

/**
 * What an import of a PKS file would do, under a mapping of its columns and district names. Nothing is stored until
 * the user confirms, and only a file without a single bad row can be imported: the figures of a year are replaced
 * as a whole, and half a year would mislead.
 *
 * @param header the file's columns (lower-cased)
 * @param mapping the mapping the rows were read with, completed by guesses from the headers and district names
 * @param districtValues the district names or keys found in the file, each with the SiPa district it is assigned
 * @param rows every data row with its problems
 * @param fileErrors problems with the file as a whole (unreadable, columns not assigned)
 * @param years the years in the file with the number of rows already stored for each (which the import replaces)
 */
public record PksPreview(List<String> header, PksMapping mapping, List<DistrictChoice> districtValues,
        List<ImportRow> rows, List<String> fileErrors, SortedMap<Integer, Integer> years) implements CheckedRows {

    /** A district name or key of the file and the SiPa district it means ({@code null}: none chosen). */
    public record DistrictChoice(String value, DistrictId district) {
    }

    /** The years whose stored figures the import would replace. */
    public List<Integer> replacedYears() {
        return years.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
    }
}
