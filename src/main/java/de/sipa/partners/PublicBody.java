package de.sipa.partners;

/**
 * What the public website shows of a body: its name, kind and description, and the organisation of its current
 * chair; never a person.
 *
 * @param chairOrganisation {@code null} while the body has no current chair
 */
public record PublicBody(String name, String shortName, BodyKind kind, String description, String chairOrganisation) {
}
