package de.sipa.operations;

/** The risk assessment's overall level; labels in messages ({@code event.risk.*}). */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    VERY_HIGH
}
