package de.sipa.responsibilities;

public enum ProposalKind {
    ASSIGN, CHANGE, REMOVE
}
