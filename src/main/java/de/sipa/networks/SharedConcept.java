package de.sipa.networks;

import java.util.List;

import de.sipa.places.Deficit;
import de.sipa.places.MeasureKind;
import de.sipa.places.MeasureStatus;
import de.sipa.places.PlaceId;
import de.sipa.shared.PartnershipId;

/**
 * A place's safety concept as a town shares it for the catalogue: the place's name, deficit and description, its goals
 * and measures, what is done, not who does it or when (no organisation, no dates), with e-mail addresses and telephone
 * numbers in the texts blanked; {@code contact} is what the town named for questions.
 */
public record SharedConcept(PlaceId id, PartnershipId town, String townName, String place, Deficit deficit,
        String description, List<String> goals, List<SharedMeasure> measures, String contact) {

    public SharedConcept {
        goals = List.copyOf(goals);
        measures = List.copyOf(measures);
    }

    /** A measure of a shared concept; {@code costEuros} is {@code null} where the town knows none. */
    public record SharedMeasure(MeasureKind kind, String title, String description, String legalBasis,
            Long costEuros, MeasureStatus status) {
    }

    /** The kinds of the measures, once each, for the catalogue's list. */
    public List<MeasureKind> kinds() {
        return measures.stream().map(SharedMeasure::kind).distinct().toList();
    }
}
