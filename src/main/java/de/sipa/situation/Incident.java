package de.sipa.situation;

import java.time.LocalDate;
import java.time.LocalTime;

/** One incident of the police's export: when (the time may be unknown), which offence group, where (WGS84). */
record Incident(LocalDate day, LocalTime time, String offenceGroup, double latitude, double longitude) {
}
