package de.sipa.situation;

/**
 * The class of a cell from its Gi* z-score and its FDR-corrected p-value, as ArcGIS' {@code Gi_Bin}: hot or cold
 * spot at 99, 95 or 90 % confidence, or not significant. Labels in messages ({@code hotspots.class.*}).
 */
public enum GiClass {
    HOT_99("hot99"), HOT_95("hot95"), HOT_90("hot90"), NONE("none"), COLD_90("cold90"), COLD_95("cold95"),
    COLD_99("cold99");

    private final String code;

    GiClass(String code) {
        this.code = code;
    }

    /** As written into the GeoJSON ({@code class}) and used as the CSS class. */
    public String code() {
        return code;
    }

    public boolean hot() {
        return this == HOT_99 || this == HOT_95 || this == HOT_90;
    }

    static GiClass of(double z, double pFdr) {
        if (z == 0 || pFdr > 0.10) {
            return NONE;
        }
        if (z > 0) {
            return pFdr <= 0.01 ? HOT_99 : pFdr <= 0.05 ? HOT_95 : HOT_90;
        }
        return pFdr <= 0.01 ? COLD_99 : pFdr <= 0.05 ? COLD_95 : COLD_90;
    }
}
