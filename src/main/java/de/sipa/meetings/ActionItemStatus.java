package de.sipa.meetings;

public enum ActionItemStatus {
    OPEN, IN_PROGRESS, DONE, DROPPED;

    public boolean open() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
