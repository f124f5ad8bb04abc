package de.sipa.places;

/** What a measure of a safety concept does; a video measure needs its legal basis. */
public enum MeasureKind {
    LIGHTING, PRESENCE, DESIGN, CLEANING, SOCIAL_WORK, VIDEO, COMMUNICATION, OTHER;

    public boolean needsLegalBasis() {
        return this == VIDEO;
    }
}
