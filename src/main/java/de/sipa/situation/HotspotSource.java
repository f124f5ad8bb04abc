package de.sipa.situation;

import java.util.EnumSet;
import java.util.Set;

import de.sipa.reports.ReportSource;

/** Whose reports the hotspot analysis counts, or the police's incidents; labels in messages ({@code hotspots.source.*}). */
public enum HotspotSource {
    /** Everything with a place. */
    ALL(EnumSet.noneOf(ReportSource.class)),
    /** Citizens (web form, Open311) and partner staff, without the patrols' observations. */
    REPORTS(EnumSet.of(ReportSource.CITIZEN, ReportSource.OPEN311, ReportSource.PARTNER)),
    /** The joint patrols' observations only. */
    PATROLS(EnumSet.of(ReportSource.PATROL)),
    /** Not reports: the incidents the police imported with their places ({@link PoliceIncidents}). */
    INCIDENTS(EnumSet.noneOf(ReportSource.class));

    private final Set<ReportSource> sources;

    HotspotSource(Set<ReportSource> sources) {
        this.sources = sources;
    }

    Set<ReportSource> sources() {
        return sources;
    }

    /** Whether the points are the police's incidents rather than reports. */
    public boolean incidents() {
        return this == INCIDENTS;
    }

    /** The choices that count reports (near repeats are computed for reports only). */
    static java.util.List<HotspotSource> ofReports() {
        return java.util.Arrays.stream(values()).filter(s -> !s.incidents()).toList();
    }
}
