package de.sipa.situation;

import org.springframework.stereotype.Component;

/**
 * Whether the current user may see where reports cluster: the coordination (and administrators) always, partner
 * staff if their organisation is a police one (Polizeipräsidium, -inspektion, Kriminalpolizei, Bundespolizei); the
 * other partners and the steering group not. Asked as {@code @hotspotAccess.mayAnalyse()}.
 */
@Component("hotspotAccess")
public class HotspotAccess {

    private final CrimeFigureAccess crimeFigures;

    HotspotAccess(CrimeFigureAccess crimeFigures) {
        this.crimeFigures = crimeFigures;
    }

    /** The same people who see the crime figures per district. */
    public boolean mayAnalyse() {
        return crimeFigures.mayReadDistricts();
    }
}
