package de.sipa.meetings;

/**
 * The kinds of SiPa record an agenda item can point to, each with the address of the record's page. Stored by name
 * next to the record's id, so that a further kind (a place, a prevention project) is one more constant here.
 */
public enum AgendaLinkKind {
    REPORT("/reports/"), TOPIC("/topics/");

    private final String pagePrefix;

    AgendaLinkKind(String pagePrefix) {
        this.pagePrefix = pagePrefix;
    }

    String pagePrefix() {
        return pagePrefix;
    }
}
