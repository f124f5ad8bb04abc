package de.sipa.meetings;

import java.util.List;

import net.fortuna.ical4j.model.component.VEvent;

import de.sipa.identity.SipaUser;

/**
 * More dates for a user's subscribed calendar from modules this one does not know (the joint patrols), so the
 * calendar has one URL while the dependency points from them to here. Called as the user.
 */
public interface CalendarContribution {

    /** The user's dates: only what the user may see. */
    List<VEvent> eventsFor(SipaUser user);
}
