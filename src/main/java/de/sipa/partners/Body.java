package de.sipa.partners;

/** A Gremium; {@code shortName} abbreviates it in numbers such as "LG-2026-07". */
public record Body(BodyId id, String name, String shortName, BodyKind kind, String description) {

    public BodyDetails details() {
        return new BodyDetails(name, shortName, kind, description);
    }
}
