package de.sipa.situation;

import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;
import de.sipa.partners.Organisations;

/**
 * Who may see the police's crime figures: the coordination (and administrators) and staff of police organisations
 * everything, per district; the steering group the city as a whole only; the other partners nothing. Asked as
 * {@code @crimeFigureAccess.mayReadDistricts()} and {@code @crimeFigureAccess.mayReadCity()}.
 */
@Component("crimeFigureAccess")
public class CrimeFigureAccess {

    private final Organisations organisations;

    CrimeFigureAccess(Organisations organisations) {
        this.organisations = organisations;
    }

    /** The figures per district, the import: the coordination and the police. */
    public boolean mayReadDistricts() {
        var user = CurrentUser.find();
        if (user.isEmpty()) {
            return false;
        }
        if (user.get().coordinates()) {
            return true;
        }
        return user.get().role() == Role.PARTNER && user.get().organisation() != null
                && organisations.get(user.get().organisation()).kind().isPolice();
    }

    /** The figures of the whole city: also the steering group. */
    public boolean mayReadCity() {
        var user = CurrentUser.find();
        return user.isPresent() && (user.get().role() == Role.STEERING || mayReadDistricts());
    }

    /** Populations and offence groups: the coordination. */
    public boolean mayManage() {
        return CurrentUser.find().map(u -> u.coordinates()).orElse(false);
    }
}
