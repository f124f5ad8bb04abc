package de.sipa.prevention;

/** Whom a project addresses; labels in messages ({@code prevention.targetGroup.*}). */
public enum TargetGroup {
    CHILDREN, YOUTH, PARENTS, SCHOOLS, SENIORS, WOMEN, RESIDENTS, BUSINESSES, PROFESSIONALS, GENERAL_PUBLIC
}
