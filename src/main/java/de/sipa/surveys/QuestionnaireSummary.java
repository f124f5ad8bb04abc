package de.sipa.surveys;

/** A questionnaire in a list: how many questions it has and how many waves ran it. */
public record QuestionnaireSummary(QuestionnaireId id, String title, int questions, int waves) {
}
