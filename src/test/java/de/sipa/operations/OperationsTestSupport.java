package de.sipa.operations;

import java.time.LocalDateTime;

/** A plain event to plan for. */
final class OperationsTestSupport {

    private OperationsTestSupport() {
    }

    static EventDetails festival(String name, LocalDateTime start) {
        return new EventDetails(EventType.VOLKSFEST, name, start, start.plusDays(2), null, null, 50_000,
                RiskLevel.HIGH, "Enge Zugänge");
    }
}
