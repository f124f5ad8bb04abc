package de.sipa.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weight of a response by its respondent cell. Weights are scaled so that they add up to the number of weighted
 * responses. Cell weighting by district is raking to the district margin alone; raking adds the age band × gender
 * margin. A response whose district (or age band and gender) is missing or has no inhabitants entered keeps the weight
 * 1, and the margins are fitted over the others.
 */
final class CellWeights {

    private static final Object ALL = "ALL";

    private CellWeights() {
    }

    static Map<RespondentCell, Double> of(Weighting weighting, Map<RespondentCell, Long> sample,
            Population population) {
        var weights = new HashMap<RespondentCell, Double>();
        sample.keySet().forEach(cell -> weights.put(cell, 1.0));
        boolean byDistrict = weighting != Weighting.NONE && population.hasDistricts();
        boolean byAgeGender = weighting == Weighting.RAKING && population.hasCells();
        if (!byDistrict && !byAgeGender) {
            return weights;
        }
        var rows = new LinkedHashMap<Object, Integer>();
        var columns = new LinkedHashMap<Object, Integer>();
        var eligible = new ArrayList<RespondentCell>();
        for (var entry : sample.entrySet()) {
            var cell = entry.getKey();
            if (entry.getValue() <= 0 || byDistrict && (cell.district() == null
                    || population.inhabitants(cell.district()) <= 0)
                    || byAgeGender && population.inhabitants(cell.ageBand(), cell.gender()) <= 0) {
                continue;
            }
            eligible.add(cell);
            rows.putIfAbsent(byDistrict ? cell.district() : ALL, rows.size());
            columns.putIfAbsent(byAgeGender ? cell.ageGender() : ALL, columns.size());
        }
        if (eligible.isEmpty()) {
            return weights;
        }
        var seed = new double[rows.size()][columns.size()];
        double n = 0;
        for (var cell : eligible) {
            double count = sample.get(cell);
            seed[rows.get(byDistrict ? cell.district() : ALL)][columns.get(byAgeGender ? cell.ageGender() : ALL)] +=
                    count;
            n += count;
        }
        var rowTargets = targets(rows, n, key -> key == ALL ? 1 : population.inhabitants((java.util.UUID) key));
        var columnTargets = targets(columns, n, key -> {
            if (key == ALL) {
                return 1;
            }
            var ageGender = (Population.AgeGender) key;
            return population.inhabitants(ageGender.ageBand(), ageGender.gender());
        });
        var fitted = SurveyStatistics.fit(seed, rowTargets, columnTargets);
        for (var cell : eligible) {
            int r = rows.get(byDistrict ? cell.district() : ALL);
            int c = columns.get(byAgeGender ? cell.ageGender() : ALL);
            weights.put(cell, fitted[r][c] / seed[r][c]);
        }
        return weights;
    }

    private static double[] targets(Map<Object, Integer> keys, double n,
            java.util.function.ToLongFunction<Object> inhabitants) {
        List<Object> ordered = new ArrayList<>(keys.keySet());
        double total = 0;
        for (var key : ordered) {
            total += inhabitants.applyAsLong(key);
        }
        var targets = new double[ordered.size()];
        for (var key : ordered) {
            targets[keys.get(key)] = inhabitants.applyAsLong(key) / total * n;
        }
        return targets;
    }
}
