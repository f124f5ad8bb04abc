package de.sipa.networks;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import de.sipa.prevention.PreventionField;
import de.sipa.prevention.TargetGroup;
import de.sipa.shared.PartnershipId;

/**
 * The network's page: per town what it shared, side by side.
 *
 * @param categories the contact point's categories (by name) of all towns that share their key figures
 * @param networkTotals per category, the sum of the towns' shown counts (hidden cells count nothing)
 */
public record RollUp(Network network, YearMonth first, YearMonth last, List<String> categories, List<Town> towns,
        Map<String, Long> networkTotals, List<SharedProject> projects) {

    /**
     * A member town. {@code figures} is empty where the town does not share its key figures; {@code latitude} and
     * {@code longitude} are the middle of its districts, {@code null} where none is drawn.
     */
    public record Town(PartnershipId id, String name, long population, boolean sharesFigures,
            Map<String, Cell> figures, Cell total, Double latitude, Double longitude) {
    }

    /** How many shared projects work in a field (or for a target group) per town; 0 everywhere is a blank spot. */
    public long projects(PreventionField field, PartnershipId town) {
        return projects.stream().filter(p -> p.town().equals(town) && p.field() == field).count();
    }

    public long projects(TargetGroup group, PartnershipId town) {
        return projects.stream().filter(p -> p.town().equals(town) && p.targetGroups().contains(group)).count();
    }

    public boolean blank(PreventionField field) {
        return projects.stream().noneMatch(p -> p.field() == field);
    }

    public boolean blank(TargetGroup group) {
        return projects.stream().noneMatch(p -> p.targetGroups().contains(group));
    }
}
