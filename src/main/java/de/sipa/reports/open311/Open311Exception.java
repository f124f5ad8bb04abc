package de.sipa.reports.open311;

/** A request the API refuses, with the HTTP status and the description of the spec's error format. */
class Open311Exception extends RuntimeException {

    private final int status;

    Open311Exception(int status, String description) {
        super(description);
        this.status = status;
    }

    int status() {
        return status;
    }
}
