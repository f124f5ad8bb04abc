package de.sipa.places;

import java.util.List;

/** A place's safety concept (Sicherheitskonzept): its goals and its measures, the newest start last. */
public record SafetyConcept(Place place, List<String> goals, List<Measure> measures) {

    public SafetyConcept {
        goals = List.copyOf(goals);
        measures = List.copyOf(measures);
    }

    public boolean empty() {
        return goals.isEmpty() && measures.isEmpty();
    }

    /** The total of the known costs in euros. */
    public long knownCost() {
        return measures.stream().filter(m -> m.costEuros() != null && m.status() != MeasureStatus.DROPPED)
                .mapToLong(Measure::costEuros).sum();
    }
}
