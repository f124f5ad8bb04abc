package de.sipa.reports;

/** new → in progress → done / forwarded / rejected; moderated categories start waiting for moderation. */
public enum ReportStatus {
    MODERATION, NEW, IN_PROGRESS, DONE, FORWARDED, REJECTED;

    public boolean closed() {
        return this == DONE || this == FORWARDED || this == REJECTED;
    }
}
