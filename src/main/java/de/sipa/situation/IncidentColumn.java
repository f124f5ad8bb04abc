package de.sipa.situation;

import java.util.List;

/**
 * What SiPa needs from the police's export of incidents with their places, with the headers such exports usually
 * use; labels in messages ({@code incidents.column.*}).
 */
public enum IncidentColumn implements ImportColumn {
    DATE("Tatzeit Datum", "datum", "tatdatum", "date"),
    TIME("Tatzeit Uhrzeit", "uhrzeit", "zeit", "tatzeit", "time"),
    GROUP("Deliktsgruppe", "delikt", "straftat", "straftatengruppe", "offence group", "offence"),
    LATITUDE("Breitengrad", "breite", "lat", "latitude", "y"),
    LONGITUDE("Längengrad", "länge", "laenge", "lon", "lng", "longitude", "x");

    private final String header;
    private final List<String> synonyms;

    IncidentColumn(String header, String... synonyms) {
        this.header = header;
        this.synonyms = List.of(synonyms);
    }

    @Override
    public String header() {
        return header;
    }

    @Override
    public List<String> synonyms() {
        return synonyms;
    }
}
