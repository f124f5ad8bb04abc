package de.sipa.situation;

/** Who may see the hotspot analysis: the coordination and staff of police organisations ({@link HotspotAccess}). */
public final class HotspotPermissions {

    /** For {@code @PreAuthorize} and the layout's {@code sec:authorize}. */
    public static final String ANALYSE = "@hotspotAccess.mayAnalyse()";

    private HotspotPermissions() {
    }
}
