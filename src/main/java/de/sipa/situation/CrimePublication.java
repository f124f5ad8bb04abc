package de.sipa.situation;

import java.util.UUID;

/** One year of one offence group that the coordination publishes: the whole city's figures, never a district's. */
public record CrimePublication(int year, UUID group) {
}
