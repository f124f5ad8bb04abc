package de.sipa.partners;

import java.util.List;
import java.util.Optional;

/**
 * Which district a point lies in.
 *
 * @param district the district containing the point, if any
 * @param nearby districts whose boundary is close to the point (including the containing one); more than one
 *     means the point is near a boundary and someone should confirm the side
 */
public record DistrictLocation(Optional<DistrictId> district, List<DistrictId> nearby) {

    public boolean nearBoundary() {
        return nearby.size() > 1 || (district.isEmpty() && !nearby.isEmpty());
    }
}
