package de.sipa.situation;

import java.util.EnumSet;
import java.util.Set;

import de.sipa.reports.ReportSource;

/** Whose reports the hotspot analysis counts; labels in messages ({@code hotspots.source.*}). */
public enum HotspotSource {
    /** Everything with a place. */
    ALL(EnumSet.noneOf(ReportSource.class)),
    /** Citizens (web form, Open311) and partner staff, without the patrols' observations. */
    REPORTS(EnumSet.of(ReportSource.CITIZEN, ReportSource.OPEN311, ReportSource.PARTNER)),
    /** The joint patrols' observations only. */
    PATROLS(EnumSet.of(ReportSource.PATROL));

    private final Set<ReportSource> sources;

    HotspotSource(Set<ReportSource> sources) {
        this.sources = sources;
    }

    Set<ReportSource> sources() {
        return sources;
    }
}
