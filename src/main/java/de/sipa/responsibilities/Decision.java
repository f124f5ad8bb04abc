package de.sipa.responsibilities;

public enum Decision {
    PENDING, APPROVED, REJECTED
}
