package de.sipa.networks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A meeting of a network's body: when, where, the agenda (one item a line) and, once written, the minutes. */
public record NetworkMeeting(UUID id, UUID body, Instant startsAt, String location, List<String> agenda,
        String minutes) {
}
