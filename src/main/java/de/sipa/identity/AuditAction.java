package de.sipa.identity;

public enum AuditAction {
    CREATED, CHANGED, DELETED, EXPORTED, IMPORTED, LOGGED_IN, LOGIN_FAILED
}
