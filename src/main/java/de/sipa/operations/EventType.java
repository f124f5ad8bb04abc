package de.sipa.operations;

/** What happens; labels in messages ({@code event.type.*}). */
public enum EventType {
    VOLKSFEST(EventKind.MAJOR_EVENT),
    STADTFEST(EventKind.MAJOR_EVENT),
    FOOTBALL(EventKind.MAJOR_EVENT),
    DEMONSTRATION(EventKind.MAJOR_EVENT),
    OTHER_MAJOR_EVENT(EventKind.MAJOR_EVENT),
    FLOOD(EventKind.NATURAL_EVENT),
    STORM(EventKind.NATURAL_EVENT),
    HEAT(EventKind.NATURAL_EVENT);

    private final EventKind kind;

    EventType(EventKind kind) {
        this.kind = kind;
    }

    public EventKind kind() {
        return kind;
    }
}
