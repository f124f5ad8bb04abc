package de.sipa.situation;

import java.util.List;

/**
 * What SiPa needs from the police's PKS export, with the headers their exports usually use; labels in messages
 * ({@code crimeFigures.column.*}).
 */
public enum PksColumn implements ImportColumn {
    KEY("Schlüssel", "straftatenschlüssel", "schluessel", "pks-schlüssel", "key"),
    NAME("Straftat", "straftatengruppe", "straftat/straftatengruppe", "bezeichnung", "offence"),
    DISTRICT("Gemeinde/Bezirk", "gemeinde", "bezirk", "stadtbezirk", "stadtteil", "gemeindeschlüssel", "district"),
    YEAR("Jahr", "berichtsjahr", "year"),
    CASES("erfasste Fälle", "fälle", "faelle", "erfasste faelle", "cases"),
    SOLVED("aufgeklärte Fälle", "aufgeklärt", "aufgeklaerte faelle", "solved"),
    SUSPECTS("Tatverdächtige", "tatverdächtige insgesamt", "tv", "tatverdaechtige", "suspects");

    private final String header;
    private final List<String> synonyms;

    PksColumn(String header, String... synonyms) {
        this.header = header;
        this.synonyms = List.of(synonyms);
    }

    /** The header the police's export uses; also the header of the sample the import page shows. */
    @Override
    public String header() {
        return header;
    }

    @Override
    public List<String> synonyms() {
        return synonyms;
    }

    static String sampleHeader() {
        return ImportColumns.sampleHeader(PksColumn.class);
    }
}
