package de.sipa.partners;

/** A membership with what the "who is who" of a body shows about the person. */
public record Member(Membership membership, Person person, String organisationName) {
}
