package de.sipa.identity;

public enum AuditAction {
    CREATED, CHANGED, DELETED, EXPORTED, IMPORTED
}
