package de.sipa.meetings;

import de.sipa.partners.PersonId;

/** Whether a member attended; a represented member counts as present through the representative. */
public record Attendance(PersonId person, Status status, PersonId representedBy) {

    public Attendance {
        if (status != Status.REPRESENTED) {
            representedBy = null;
        }
    }

    public enum Status {
        PRESENT, EXCUSED, REPRESENTED, ABSENT;

        public boolean counts() {
            return this == PRESENT || this == REPRESENTED;
        }
    }
}
