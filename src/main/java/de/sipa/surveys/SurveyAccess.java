package de.sipa.surveys;

import java.util.EnumSet;

import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;

/**
 * Whether the current user may build questionnaires and run waves ({@link SurveyPermissions#MANAGE}), for pages that
 * offer those buttons; asked as {@code @surveyAccess.mayManage()}.
 */
@Component("surveyAccess")
public class SurveyAccess {

    private static final EnumSet<Role> MANAGERS = EnumSet.of(Role.ADMIN, Role.COORDINATOR);

    public boolean mayManage() {
        return CurrentUser.find().map(u -> MANAGERS.contains(u.role())).orElse(false);
    }
}
