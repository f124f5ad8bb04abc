package de.sipa.situation;

/**
 * How a cell's hot-spot status changed from an earlier to a later period ({@link HotspotChangeRule}); labels in
 * messages ({@code hotspots.change.class.*}), the code is written into the GeoJSON and used as the CSS class.
 */
public enum HotspotChangeClass {
    /** Hot in nearly every sub-period of both periods, the later period's count significantly higher. */
    INTENSIFYING("intensifying"),
    /** Hot in nearly every sub-period of both periods (sfhotspot: "persistent hotspot"). */
    PERSISTENT("persistent"),
    /** Hot in nearly every sub-period of both periods, the later period's count significantly lower. */
    DIMINISHING("diminishing"),
    /** Not hot in the earlier period, hot in the later one (sfhotspot: "emerging hotspot"). */
    EMERGING("emerging"),
    /** Hot in the earlier period, not in the later one (sfhotspot: "former hotspot"). */
    FORMER("former"),
    /** Hot now and then, in both periods, but not nearly always (sfhotspot: "intermittent hotspot"). */
    INTERMITTENT("intermittent"),
    /** None of the above (sfhotspot: "no pattern"). */
    NONE("none");

    private final String code;

    HotspotChangeClass(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
