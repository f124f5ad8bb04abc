package de.sipa.responsibilities;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import de.sipa.partners.DistrictId;

/**
 * Every answer of a matrix computed in advance: per topic, district and slot of the day. A lookup is two hash
 * lookups, a zone offset and a binary search over the few cuts of the day.
 */
final class MatrixIndex {

    private static final int DAY = 24 * 60 * 60;

    private final Matrix matrix;
    private final ZoneId zone;
    private final DaySegments segments;
    private final Map<DistrictId, Integer> districtRows = new HashMap<>();
    private final Map<TopicId, Leadership[][]> answers = new HashMap<>();

    MatrixIndex(Matrix matrix, ZoneId zone) {
        this.matrix = matrix;
        this.zone = zone;
        this.segments = new DaySegments(matrix.timeWindows());
        var districts = matrix.districts();
        for (int i = 0; i < districts.size(); i++) {
            districtRows.put(districts.get(i).id(), i + 1);
        }
        var slots = segments.slots();
        for (var topic : matrix.topics()) {
            if (!topic.active()) {
                continue;
            }
            var entries = matrix.entriesOf(topic.id());
            var table = new Leadership[districts.size() + 1][slots.size()];
            for (int row = 0; row <= districts.size(); row++) {
                var district = row == 0 ? null : districts.get(row - 1).id();
                for (int slot = 0; slot < slots.size(); slot++) {
                    table[row][slot] = Matrix.resolve(entries, district, slots.get(slot));
                }
            }
            answers.put(topic.id(), table);
        }
    }

    Matrix matrix() {
        return matrix;
    }

    DaySegments segments() {
        return segments;
    }

    boolean knows(TopicId topic) {
        return answers.containsKey(topic);
    }

    Leadership whoLeads(TopicId topic, DistrictId district, Instant at) {
        var table = answers.get(topic);
        if (table == null) {
            return Leadership.NOBODY;
        }
        int row = district == null ? 0 : districtRows.getOrDefault(district, 0);
        long local = at.getEpochSecond() + zone.getRules().getOffset(at).getTotalSeconds();
        return table[row][segments.slotAt((int) Math.floorMod(local, (long) DAY))];
    }

    /** The answer for a district row (0: unknown district) and slot; for the findings. */
    Leadership answer(TopicId topic, int districtRow, int slot) {
        return answers.get(topic)[districtRow][slot];
    }

    Set<TopicId> topics() {
        return answers.keySet();
    }
}
