package de.sipa.operations;

import java.io.Serializable;

/**
 * What a change of a plan did to its patrols from the day it applies (shown once after the redirect, so it travels
 * in the session).
 *
 * @param plan the plan that holds the patrols from that day on: the same, or the new one continuing it
 * @param created new patrols, open for booking
 * @param removed patrols nobody was booked on, gone
 * @param cancelled patrols with bookings, cancelled (their organisations were told)
 * @param organisationsTold organisations e-mailed about bookings that lapsed
 */
public record PatrolPlanRevision(PatrolPlanId plan, int created, int removed, int cancelled, int organisationsTold)
        implements Serializable {
}
