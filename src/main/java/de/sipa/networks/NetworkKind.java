package de.sipa.networks;

/** What level a network is; labels in messages ({@code network.kind.*}). */
public enum NetworkKind {
    COUNTY, REGION, STATE_PROGRAMME
}
