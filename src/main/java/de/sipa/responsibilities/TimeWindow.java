package de.sipa.responsibilities;

import java.time.LocalTime;

/** A time of day with its own responsibilities; wraps around midnight when it ends before it starts. */
public record TimeWindow(TimeWindowId id, String name, LocalTime startsAt, LocalTime endsAt) {

    public boolean contains(LocalTime time) {
        return startsAt.isBefore(endsAt)
                ? !time.isBefore(startsAt) && time.isBefore(endsAt)
                : !time.isBefore(startsAt) || time.isBefore(endsAt);
    }
}
