package de.sipa.surveys;

import java.util.UUID;

/** The demographic answers kept on a response: the cell it is weighted and broken down in. Any part may be null. */
record RespondentCell(UUID district, String ageBand, String gender) {

    Population.AgeGender ageGender() {
        return new Population.AgeGender(ageBand, gender);
    }
}
