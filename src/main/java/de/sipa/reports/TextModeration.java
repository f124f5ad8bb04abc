package de.sipa.reports;

/** Whether what a citizen wrote may be shown to the public (Open311 lists, public map). */
public enum TextModeration {
    /** Not looked at yet: not shown. */
    PENDING,
    /** Checked by the coordinator: shown. */
    APPROVED,
    /** Not for the public: personal data, insults, or an internal report of partners and patrols. */
    HIDDEN;

    static TextModeration initial(ReportSource source) {
        return source == ReportSource.CITIZEN || source == ReportSource.OPEN311 ? PENDING : HIDDEN;
    }
}
