package de.sipa.places;

/** How a criterion was found on a site audit; {@link #NOT_ASSESSED} when it could not be judged (e.g. by day). */
public enum AuditRating {
    GOOD(3), FAIR(2), POOR(1), NOT_ASSESSED(0);

    private final int score;

    AuditRating(int score) {
        this.score = score;
    }

    public boolean assessed() {
        return this != NOT_ASSESSED;
    }

    /** Better (positive), worse (negative) or the same (0) as an earlier rating; 0 when either is not assessed. */
    public int changeSince(AuditRating earlier) {
        return earlier == null || !earlier.assessed() || !assessed() ? 0 : Integer.signum(score - earlier.score);
    }
}
