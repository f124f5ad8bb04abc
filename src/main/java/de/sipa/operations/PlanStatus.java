package de.sipa.operations;

/** A deployment plan version: being written, waiting for the involved organisations, or approved by all of them. */
public enum PlanStatus {
    DRAFT,
    SUBMITTED,
    APPROVED
}
