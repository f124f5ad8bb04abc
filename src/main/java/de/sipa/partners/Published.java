package de.sipa.partners;

import java.time.Instant;

/** A record as it is published (OParl), with when it was created and last changed. */
public record Published<T>(T record, Instant created, Instant modified) {
}
