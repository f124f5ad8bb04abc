package de.sipa.surveys;

/** What a question asks for, and so how it is answered and counted. */
public enum QuestionKind {
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    /** A scale of 4 or 5 points (min..max) with a label per point, e.g. sehr sicher … sehr unsicher. */
    LIKERT,
    /** A whole number between the question's minimum and maximum. */
    NUMBER,
    FREE_TEXT,
    /**
     * The respondent's district: the choice is the partnership's districts as they are when answering (no stored
     * options), and the answer is kept as the response's district.
     */
    DISTRICT,
    AGE_BAND,
    GENDER;

    /** Whether the answer is one or more of the question's stored option codes. */
    public boolean hasOptions() {
        return this != NUMBER && this != FREE_TEXT && this != DISTRICT;
    }

    /** Whether the answer is kept on the response itself, to weight and break down the results by it. */
    public boolean demographic() {
        return this == DISTRICT || this == AGE_BAND || this == GENDER;
    }
}
