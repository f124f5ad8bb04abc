package de.sipa.partners;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The bodies of a partnership with their memberships and the people holding them, as far as they are public:
 * people without a seat in a body are not part of it. What was public and is gone (deleted, or a person's last seat
 * removed) is kept as a tombstone, so that a public API can say so.
 */
public record PublicRoster(List<Published<Body>> bodies, List<Published<PublicPerson>> people,
        List<Published<Membership>> memberships, List<Tombstone> tombstones) {

    public static final String BODY = "BODY";
    public static final String PERSON = "PERSON";
    public static final String MEMBERSHIP = "MEMBERSHIP";

    /** Of kind {@link #BODY}, {@link #PERSON} or {@link #MEMBERSHIP}. */
    public record Tombstone(String kind, UUID id, Instant created, Instant deleted) {
    }

    public List<Tombstone> deleted(String kind) {
        return tombstones.stream().filter(t -> t.kind().equals(kind)).toList();
    }
}
