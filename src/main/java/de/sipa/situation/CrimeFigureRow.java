package de.sipa.situation;

import java.util.UUID;

/** One row of the police's figures: a district, a year and an offence key with its counts. */
record CrimeFigureRow(UUID district, int year, String offenceKey, String offenceName, int cases, int solved,
        int suspects) {
}
