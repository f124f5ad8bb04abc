package de.sipa.networks;

/**
 * What a member shares with a network: the contact point's key figures, a prevention project, a published place with
 * its evaluation, a place's safety concept (its goals and measures, for the catalogue), the results of a finished
 * survey wave, or its published annual reports. The key figures and the annual reports name no item; a safety concept
 * is named by its place.
 */
public enum ShareKind {
    KEY_FIGURES, PROJECT, PLACE, SAFETY_CONCEPT, SURVEY, ANNUAL_REPORTS;

    /** Whether a share of this kind names one item (a project, a place, a place's concept, a wave). */
    public boolean hasItem() {
        return this == PROJECT || this == PLACE || this == SAFETY_CONCEPT || this == SURVEY;
    }
}
