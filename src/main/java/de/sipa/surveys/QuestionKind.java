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
    /** The respondent's district, one of the partnership's districts; its option codes are the district ids. */
    DISTRICT,
    AGE_BAND,
    GENDER;

    /** Whether the answer is one or more of the question's option codes. */
    public boolean hasOptions() {
        return this != NUMBER && this != FREE_TEXT;
    }

    /** Whether the answer is kept on the response itself, to weight and break down the results by it. */
    public boolean demographic() {
        return this == DISTRICT || this == AGE_BAND || this == GENDER;
    }
}
