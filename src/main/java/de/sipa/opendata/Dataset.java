package de.sipa.opendata;

import java.util.Arrays;
import java.util.Optional;

/** The datasets a partnership publishes, with the name of their files ({@code anliegen.csv}) and their columns. */
public enum Dataset {
    REPORTS("anliegen", "monat", "kategorie", "bezirk", "anzahl"),
    MEASURES("massnahmen", "bezirk", "art", "status", "anzahl"),
    PROJECTS("praeventionsprojekte", "handlungsfeld", "zielgruppe", "status", "anzahl"),
    SENSE_OF_SECURITY("sicherheitsgefuehl", "welle", "beginn", "bezirk", "antworten", "anteil_unsicher_prozent");

    private final String file;
    private final String[] columns;

    Dataset(String file, String... columns) {
        this.file = file;
        this.columns = columns;
    }

    public String file() {
        return file;
    }

    public java.util.List<String> columns() {
        return java.util.List.of(columns);
    }

    static Optional<Dataset> byFile(String file) {
        return Arrays.stream(values()).filter(d -> d.file.equals(file)).findFirst();
    }
}
