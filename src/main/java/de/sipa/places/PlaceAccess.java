package de.sipa.places;

import java.util.EnumSet;

import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;

/**
 * Whether the current user may draw and change places, walk site audits and import ({@link PlacePermissions#EDIT}),
 * for pages that offer those buttons; asked as {@code @placeAccess.mayEdit()}.
 */
@Component("placeAccess")
public class PlaceAccess {

    private static final EnumSet<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.COORDINATOR, Role.PARTNER);

    public boolean mayEdit() {
        return CurrentUser.find().map(u -> EDITORS.contains(u.role())).orElse(false);
    }
}
