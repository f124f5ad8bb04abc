package de.sipa.surveys;

import de.sipa.identity.CurrentUser;

/**
 * Small cells: a count below five could point at a person, so results that leave the coordination show "< 5" instead.
 * The coordination (who holds {@link SurveyPermissions#MANAGE}) sees every count.
 */
public final class SmallCells {

    public static final int MINIMUM = de.sipa.shared.CellSuppression.MINIMUM;

    private SmallCells() {
    }

    public static boolean small(long count) {
        return count < MINIMUM;
    }

    /** Whether the current user sees the results unsuppressed: the coordination and administrators, as MANAGE says. */
    static boolean seesAll() {
        return CurrentUser.find().map(u -> u.coordinates()).orElse(false);
    }
}
