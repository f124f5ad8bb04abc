package de.sipa.responsibilities;

/** A task area ("Aufgabe"), e.g. "Lärm und Ruhestörung in Grünanlagen". */
public record Topic(TopicId id, String name, String description, String legalBasis, boolean active) {

    public TopicDetails details() {
        return new TopicDetails(name, description, legalBasis, active);
    }
}
