package de.sipa.responsibilities;

import de.sipa.shared.OrganisationId;

/** How far an organisation is with its answers. */
public record ReviewProgress(OrganisationId organisation, int items, int answered) {

    public boolean complete() {
        return answered == items;
    }
}
