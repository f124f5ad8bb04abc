package de.sipa.surveys;

import java.util.List;
import java.util.UUID;

/** A page of a questionnaire. */
public record Section(UUID id, Wording title, List<Question> questions) {

    public Section {
        questions = List.copyOf(questions);
    }
}
