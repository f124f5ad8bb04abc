package de.sipa.surveys;

import java.util.List;
import java.util.Optional;

/** The questions of a survey, in sections that are answered one page each. */
public record Questionnaire(QuestionnaireId id, String title, String introduction, List<Section> sections) {

    public Questionnaire {
        sections = List.copyOf(sections);
    }

    public List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    public Optional<Question> question(QuestionId id) {
        return questions().stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
