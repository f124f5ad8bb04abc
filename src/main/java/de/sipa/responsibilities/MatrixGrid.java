package de.sipa.responsibilities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.sipa.partners.District;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisation;
import de.sipa.shared.OrganisationId;

/**
 * The topic × organisation grid as the page shows it: names resolved, cells in column order, so that the
 * template only prints. Public only for the template engine.
 */
public final class MatrixGrid {

    /** One entry in a cell: its responsibility and where/when it holds ("Mitte", "Nacht"). */
    public record Mark(EntryId entry, Responsibility responsibility, String scope) {
    }

    public record Row(Topic topic, List<List<Mark>> cells, Set<FindingKind> findings) {
    }

    private final List<Organisation> columns;
    private final List<Row> rows;

    private MatrixGrid(List<Organisation> columns, List<Row> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    public List<Organisation> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * @param district only entries that apply there (its own and city-wide ones); all for {@code null}
     * @param findings findings to flag per topic (of the current matrix)
     */
    static MatrixGrid of(Matrix matrix, List<Organisation> organisations, DistrictId district, List<Finding> findings) {
        var entries = matrix.entriesIn(district);
        var involved = entries.stream().map(MatrixEntry::organisation).collect(Collectors.toSet());
        var columns = organisations.stream().filter(o -> involved.contains(o.id()))
                .sorted(Comparator.comparing((Organisation o) -> o.kind().ordinal())
                        .thenComparing(o -> o.name().toLowerCase()))
                .toList();
        Map<OrganisationId, Integer> columnIndex = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            columnIndex.put(columns.get(i).id(), i);
        }
        var districtNames = matrix.districts().stream().collect(Collectors.toMap(District::id, District::name));
        var windowNames = matrix.timeWindows().stream().collect(Collectors.toMap(TimeWindow::id, TimeWindow::name));
        Map<TopicId, List<MatrixEntry>> byTopic = entries.stream().collect(Collectors.groupingBy(MatrixEntry::topic));
        Map<TopicId, Set<FindingKind>> flags = new HashMap<>();
        for (var finding : findings) {
            if (district == null || finding.everywhere() || finding.districts().contains(district)) {
                flags.computeIfAbsent(finding.topic(), t -> new LinkedHashSet<>()).add(finding.kind());
            }
        }
        var rows = new ArrayList<Row>();
        for (var topic : matrix.topics()) {
            if (!topic.active()) {
                continue;
            }
            List<List<Mark>> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                cells.add(new ArrayList<>());
            }
            for (var entry : byTopic.getOrDefault(topic.id(), List.of())) {
                cells.get(columnIndex.get(entry.organisation())).add(new Mark(entry.id(), entry.responsibility(),
                        scope(entry, districtNames::get, windowNames::get)));
            }
            rows.add(new Row(topic, cells, flags.getOrDefault(topic.id(), Set.of())));
        }
        return new MatrixGrid(columns, rows);
    }

    static String scope(MatrixEntry entry, Function<DistrictId, String> districtName,
            Function<TimeWindowId, String> windowName) {
        var parts = new ArrayList<String>();
        if (entry.district() != null) {
            parts.add(districtName.apply(entry.district()));
        }
        if (entry.timeWindow() != null) {
            parts.add(windowName.apply(entry.timeWindow()));
        }
        return String.join(", ", parts);
    }
}
