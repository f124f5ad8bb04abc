package de.sipa.situation;

import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;
import de.sipa.partners.Organisations;

/**
 * Whether the current user may see where reports cluster: the coordination (and administrators) always, partner
 * staff if their organisation is a police one (Polizeipräsidium, -inspektion, Kriminalpolizei, Bundespolizei); the
 * other partners and the steering group not. Asked as {@code @hotspotAccess.mayAnalyse()}.
 */
@Component("hotspotAccess")
public class HotspotAccess {

    private final Organisations organisations;

    HotspotAccess(Organisations organisations) {
        this.organisations = organisations;
    }

    public boolean mayAnalyse() {
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
}
