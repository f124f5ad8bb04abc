package de.sipa.places;

/** How a place came to the list: drawn by hand, from a significant hotspot, from a cluster of reports, imported. */
public enum PlaceOrigin {
    MANUAL, HOTSPOT, REPORTS, IMPORT
}
