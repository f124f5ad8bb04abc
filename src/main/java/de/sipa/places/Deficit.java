package de.sipa.places;

/** Why a place is a concern: incidents happen there, people fear it (Angstraum), or both. */
public enum Deficit {
    OBJECTIVE, SUBJECTIVE, BOTH
}
