package de.sipa.surveys;

/**
 * One answer a question offers.
 *
 * @param code what is stored and compared across waves (e.g. "1" … "4" on a scale, "GRAFFITI")
 */
public record AnswerOption(String code, Wording label) {
}
