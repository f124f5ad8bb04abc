package de.sipa.prevention;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.sipa.partners.DistrictId;
import de.sipa.places.PlaceId;
import de.sipa.shared.OrganisationId;

/**
 * A prevention project, planned and evaluated along the Beccaria standard.
 *
 * @param lead the organisation that leads it, {@code null} while nobody does
 * @param places places with a security deficit it works at (optional)
 * @param steps the texts of the Beccaria steps: step to field name to text (only filled fields)
 */
public record PreventionProject(ProjectId id, String title, OrganisationId lead, List<OrganisationId> partners,
        PreventionField field, Set<TargetGroup> targetGroups, String summary, List<DistrictId> districts,
        List<PlaceId> places, LocalDate startsOn, LocalDate endsOn, List<Funding> funding, ProjectStatus status,
        String contactPerson, Evidence evidence, Map<BeccariaStep, Map<String, String>> steps, Instant createdAt) {

    public BigDecimal budget() {
        return funding.stream().map(Funding::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The texts of a step (field name to text), empty if nothing is written yet. */
    public Map<String, String> step(BeccariaStep step) {
        return steps.getOrDefault(step, Map.of());
    }

    public boolean complete(BeccariaStep step) {
        return step.complete(step(step));
    }

    /** How many of the seven steps are complete. */
    public int completeSteps() {
        return (int) java.util.Arrays.stream(BeccariaStep.values()).filter(this::complete).count();
    }

    /** Completeness of the whole planning in percent: filled required fields of all steps. */
    public int completeness() {
        int required = 0;
        int filled = 0;
        for (var step : BeccariaStep.values()) {
            required += step.required();
            filled += step.filled(step(step));
        }
        return required == 0 ? 100 : filled * 100 / required;
    }

    public String qualityNote(BeccariaStep step) {
        return step(step).getOrDefault(BeccariaStep.QUALITY_NOTE, "");
    }

    /** Whether step 6 (the review of implementation and goal attainment) is written. */
    public boolean evaluated() {
        return complete(BeccariaStep.EVALUATION);
    }
}
