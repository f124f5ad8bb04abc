package de.sipa.partners;

/**
 * What the public website shows of a body: its name, kind and description, and the organisation of its current
 * chair and of its current members; never a person, and
 * never a confidential body.
 *
 * @param chairOrganisation {@code null} while the body has no current chair
 * @param memberOrganisations the organisations someone of which sits in the body today, by name
 */
public record PublicBody(String name, String shortName, BodyKind kind, String description, String chairOrganisation,
        java.util.List<String> memberOrganisations) {
}
