package de.sipa.networks;

/** What a member shares with its network: the contact point's key figures (no item) or a prevention project. */
public enum ShareKind {
    KEY_FIGURES, PROJECT
}
