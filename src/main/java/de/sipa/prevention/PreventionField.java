package de.sipa.prevention;

/** The field of prevention a project works in; labels in messages ({@code prevention.field.*}). */
public enum PreventionField {
    VIOLENCE, YOUTH, SENIORS, ADDICTION, BURGLARY, TRAFFIC, PUBLIC_SPACE, CIVIL_COURAGE, OTHER
}
