package de.sipa.networks;

/**
 * What a member shares with a network: the contact point's key figures, a prevention project, a published place with
 * its evaluation, the results of a finished survey wave, or its published annual reports. The key figures and the
 * annual reports name no item.
 */
public enum ShareKind {
    KEY_FIGURES, PROJECT, PLACE, SURVEY, ANNUAL_REPORTS;

    /** Whether a share of this kind names one item (a project, a place, a wave). */
    public boolean hasItem() {
        return this == PROJECT || this == PLACE || this == SURVEY;
    }
}
