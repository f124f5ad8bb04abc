package de.sipa.responsibilities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/** Gaps, overlaps, orphaned entries and leads without resources, read off a computed matrix. */
final class MatrixFindings {

    private MatrixFindings() {
    }

    static List<Finding> of(MatrixIndex index, Set<OrganisationId> inactive) {
        var matrix = index.matrix();
        var findings = new ArrayList<Finding>();
        var districts = matrix.districts();
        var slots = index.segments().slots();
        // Without districts the partnership is one area: row 0 stands for it.
        int firstRow = districts.isEmpty() ? 0 : 1;
        for (var topic : matrix.topics()) {
            if (!index.knows(topic.id())) {
                continue;
            }
            for (int slot = 0; slot < slots.size(); slot++) {
                var gaps = new ArrayList<DistrictId>();
                Map<List<OrganisationId>, List<DistrictId>> overlaps = new LinkedHashMap<>();
                for (int row = firstRow; row <= districts.size(); row++) {
                    var answer = index.answer(topic.id(), row, slot);
                    var district = row == 0 ? null : districts.get(row - 1).id();
                    if (answer.isGap()) {
                        gaps.add(district);
                    } else if (answer.isOverlap()) {
                        overlaps.computeIfAbsent(answer.leads(), leads -> new ArrayList<>()).add(district);
                    }
                }
                int rows = districts.size() + 1 - firstRow;
                var windows = slots.get(slot);
                if (!gaps.isEmpty()) {
                    findings.add(new Finding(FindingKind.GAP, topic.id(), withoutNull(gaps), gaps.size() == rows,
                            windows, List.of(), null));
                }
                overlaps.forEach((leads, where) -> findings.add(new Finding(FindingKind.OVERLAP, topic.id(),
                        withoutNull(where), where.size() == rows, windows, leads, null)));
            }
        }
        for (var entry : matrix.entries()) {
            if (inactive.contains(entry.organisation())) {
                findings.add(entryFinding(FindingKind.ORPHANED, entry));
            } else if (entry.responsibility() == Responsibility.LEAD && entry.resources().isEmpty()) {
                findings.add(entryFinding(FindingKind.LEAD_WITHOUT_RESOURCES, entry));
            }
        }
        return findings;
    }

    private static Finding entryFinding(FindingKind kind, MatrixEntry entry) {
        return new Finding(kind, entry.topic(), entry.district() == null ? List.of() : List.of(entry.district()),
                entry.district() == null, entry.timeWindow() == null ? Set.of() : Set.of(entry.timeWindow()),
                List.of(entry.organisation()), entry.id());
    }

    private static List<DistrictId> withoutNull(List<DistrictId> districts) {
        return districts.stream().filter(java.util.Objects::nonNull).toList();
    }
}
