package de.sipa.prevention;

import java.util.EnumSet;

import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;

/**
 * Whether the current user may plan projects ({@link PreventionPermissions#EDIT}) or review their steps
 * ({@link PreventionPermissions#REVIEW}), for pages that offer those buttons; asked as
 * {@code @preventionAccess.mayEdit()}.
 */
@Component("preventionAccess")
public class PreventionAccess {

    private static final EnumSet<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.COORDINATOR, Role.PARTNER);
    private static final EnumSet<Role> REVIEWERS = EnumSet.of(Role.ADMIN, Role.COORDINATOR);

    public boolean mayEdit() {
        return CurrentUser.find().map(u -> EDITORS.contains(u.role())).orElse(false);
    }

    public boolean mayReview() {
        return CurrentUser.find().map(u -> REVIEWERS.contains(u.role())).orElse(false);
    }
}
