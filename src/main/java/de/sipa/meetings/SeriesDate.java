package de.sipa.meetings;

import java.time.LocalDate;

/**
 * One date of a year plan as the preview shows it.
 *
 * @param ruleDate the day the rule gives
 * @param day the day the meeting is planned on (another than {@code ruleDate} if moved off a public holiday)
 */
public record SeriesDate(LocalDate ruleDate, LocalDate day, Note note) {

    public enum Note {
        /** An ordinary working day. */
        REGULAR,
        /** A public holiday; the meeting stays on it. */
        HOLIDAY_KEPT,
        /** A public holiday; the meeting moves to the next working day. */
        HOLIDAY_SHIFTED,
        /** A public holiday; no meeting. */
        HOLIDAY_SKIPPED,
        /** Already past; no meeting. */
        PAST
    }

    /** Whether confirming the plan creates a meeting for it. */
    public boolean planned() {
        return note != Note.HOLIDAY_SKIPPED && note != Note.PAST;
    }
}
