package de.sipa.prevention;

import java.util.List;
import java.util.Map;

/**
 * The seven steps of the Beccaria standard, in order. Each step asks its guiding questions
 * ({@code prevention.step.<STEP>.questions}) and has fields to fill, some of them required; a step is complete when
 * every required field holds text. Labels in messages ({@code prevention.step.<STEP>} and
 * {@code prevention.step.field.<field>}).
 */
public enum BeccariaStep {
    PROBLEM(1, List.of(new Field("problem", true), new Field("sources", true), new Field("affected", false))),
    CAUSES(2, List.of(new Field("causes", true), new Field("riskFactors", false), new Field("protectiveFactors", false))),
    GOALS(3, List.of(new Field("goals", true), new Field("targetGroups", true), new Field("plannedIndicators", false))),
    MEASURES(4, List.of(new Field("measures", true), new Field("rationale", true))),
    IMPLEMENTATION(5, List.of(new Field("concept", true), new Field("schedule", true), new Field("resources", false))),
    EVALUATION(6, List.of(new Field("implementationCheck", true), new Field("goalAttainment", true))),
    CONCLUSIONS(7, List.of(new Field("conclusions", true), new Field("documentation", false)));

    /** The coordinator's note on a step's quality, kept among the step's fields under this name. */
    public static final String QUALITY_NOTE = "qualityNote";

    /** A field of a step; {@code name} is also its message key suffix and its form parameter. */
    public record Field(String name, boolean required) {
    }

    private final int number;
    private final List<Field> fields;

    BeccariaStep(int number, List<Field> fields) {
        this.number = number;
        this.fields = fields;
    }

    public int number() {
        return number;
    }

    public List<Field> fields() {
        return fields;
    }

    public boolean has(String field) {
        return fields.stream().anyMatch(f -> f.name().equals(field));
    }

    /** How many of the step's required fields hold text in {@code texts} (field name to text). */
    public int filled(Map<String, String> texts) {
        return (int) fields.stream().filter(Field::required)
                .filter(f -> texts.getOrDefault(f.name(), "").strip().length() > 0).count();
    }

    public int required() {
        return (int) fields.stream().filter(Field::required).count();
    }

    public boolean complete(Map<String, String> texts) {
        return filled(texts) == required();
    }

    /** The step with this number (1…7), as it appears in the URL. */
    public static BeccariaStep number(int number) {
        for (var step : values()) {
            if (step.number == number) {
                return step;
            }
        }
        throw new IllegalArgumentException("no Beccaria step " + number);
    }
}
