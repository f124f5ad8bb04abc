package de.sipa.volunteers;

import java.util.EnumSet;

import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;
import de.sipa.partners.People;

/**
 * Whether the current user may write offers ({@link VolunteerPermissions#EDIT}) and handle an offer's volunteers:
 * the coordination, and the staff of the contact person's organisation. Asked as {@code @volunteerAccess.mayEdit()}.
 */
@Component("volunteerAccess")
public class VolunteerAccess {

    private static final EnumSet<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.COORDINATOR, Role.PARTNER);

    private final People people;

    VolunteerAccess(People people) {
        this.people = people;
    }

    public boolean mayEdit() {
        return CurrentUser.find().map(u -> EDITORS.contains(u.role())).orElse(false);
    }

    /** The volunteers of the offer, with their names and contact data, are handled by the user. */
    public boolean mayManage(VolunteerOffer offer) {
        return CurrentUser.find().map(u -> u.coordinates() || (u.role() == Role.PARTNER
                && u.belongsTo(people.get(offer.contactPerson()).organisation()))).orElse(false);
    }
}
