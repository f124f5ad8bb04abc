package de.sipa.partners;

/**
 * A Gremium; {@code shortName} abbreviates it in numbers such as "LG-2026-07". A {@code confidential} one is never
 * shown in public.
 */
public record Body(BodyId id, String name, String shortName, BodyKind kind, String description,
        boolean confidential) {

    public BodyDetails details() {
        return new BodyDetails(name, shortName, kind, description, confidential);
    }
}
