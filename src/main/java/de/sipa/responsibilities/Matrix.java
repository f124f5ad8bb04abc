package de.sipa.responsibilities;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import de.sipa.partners.District;
import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/**
 * The responsibility matrix of a partnership at one moment, and the rule that reads it: for a district and a
 * time, the most specific entries with a lead win — district and window, then district all day, then
 * city-wide in the window, then city-wide all day. Supporters and informed organisations of all applying levels
 * add up.
 */
public final class Matrix {

    private final Instant asOf;
    private final List<Topic> topics;
    private final List<District> districts;
    private final List<TimeWindow> timeWindows;
    private final List<MatrixEntry> entries;
    private final Map<TopicId, List<MatrixEntry>> entriesByTopic;

    Matrix(Instant asOf, List<Topic> topics, List<District> districts, List<TimeWindow> timeWindows,
            List<MatrixEntry> entries) {
        this.asOf = asOf;
        this.topics = List.copyOf(topics);
        this.districts = List.copyOf(districts);
        this.timeWindows = List.copyOf(timeWindows);
        this.entries = List.copyOf(entries);
        this.entriesByTopic = entries.stream().collect(Collectors.groupingBy(MatrixEntry::topic));
    }

    public Instant asOf() {
        return asOf;
    }

    public List<Topic> topics() {
        return topics;
    }

    public List<District> districts() {
        return districts;
    }

    public List<TimeWindow> timeWindows() {
        return timeWindows;
    }

    public List<MatrixEntry> entries() {
        return entries;
    }

    public List<MatrixEntry> entriesOf(TopicId topic) {
        return entriesByTopic.getOrDefault(topic, List.of());
    }

    public Optional<MatrixEntry> entry(EntryId id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * Entries that apply in a district (its own and the city-wide ones); all entries for {@code null}.
     */
    public List<MatrixEntry> entriesIn(DistrictId district) {
        return district == null ? entries
                : entries.stream().filter(e -> e.cityWide() || e.district().equals(district)).toList();
    }

    /** Who leads the topic in the district (null: unknown, only city-wide entries count) while these windows apply. */
    public Leadership resolve(TopicId topic, DistrictId district, Set<TimeWindowId> windows) {
        return resolve(entriesOf(topic), district, windows);
    }

    static Leadership resolve(Collection<MatrixEntry> entries, DistrictId district, Set<TimeWindowId> windows) {
        List<Predicate<MatrixEntry>> levels = new ArrayList<>();
        if (district != null) {
            levels.add(e -> district.equals(e.district()) && e.timeWindow() != null && windows.contains(e.timeWindow()));
            levels.add(e -> district.equals(e.district()) && e.timeWindow() == null);
        }
        levels.add(e -> e.district() == null && e.timeWindow() != null && windows.contains(e.timeWindow()));
        levels.add(e -> e.district() == null && e.timeWindow() == null);

        Set<OrganisationId> leads = new LinkedHashSet<>();
        Set<OrganisationId> supporters = new LinkedHashSet<>();
        Set<OrganisationId> informed = new LinkedHashSet<>();
        for (var level : levels) {
            var applying = entries.stream().filter(level).toList();
            if (leads.isEmpty()) {
                applying.stream().filter(e -> e.responsibility() == Responsibility.LEAD)
                        .forEach(e -> leads.add(e.organisation()));
            }
            applying.stream().filter(e -> e.responsibility() == Responsibility.SUPPORT)
                    .forEach(e -> supporters.add(e.organisation()));
            applying.stream().filter(e -> e.responsibility() == Responsibility.INFORMED)
                    .forEach(e -> informed.add(e.organisation()));
        }
        supporters.removeAll(leads);
        informed.removeAll(leads);
        informed.removeAll(supporters);
        return leads.isEmpty() && supporters.isEmpty() && informed.isEmpty() ? Leadership.NOBODY
                : new Leadership(List.copyOf(leads), supporters, informed);
    }
}
