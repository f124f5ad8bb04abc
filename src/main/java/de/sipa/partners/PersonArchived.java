package de.sipa.partners;

import java.time.Instant;

import de.sipa.shared.PartnershipId;

/** A person left the partnership's work: what they were booked for from now on must find someone else. */
public record PersonArchived(PartnershipId partnership, PersonId person, Instant archivedAt) {
}
