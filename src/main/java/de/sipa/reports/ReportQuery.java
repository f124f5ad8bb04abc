package de.sipa.reports;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/**
 * Filters of a work queue.
 *
 * @param organisation whose queue; ignored for the coordinator's queue
 * @param coordinatorQueue only reports without a responsible organisation
 * @param status one status; {@code null} for all open ones (or all, with {@code includeClosed})
 * @param handedBack only reports an organisation handed back ("nicht unsere Zuständigkeit") and nobody routed since
 */
public record ReportQuery(OrganisationId organisation, boolean coordinatorQueue, ReportStatus status,
        CategoryId category, DistrictId district, boolean overdue, boolean includeClosed, String text,
        boolean handedBack) {

    public ReportQuery(OrganisationId organisation, boolean coordinatorQueue, ReportStatus status, CategoryId category,
            DistrictId district, boolean overdue, boolean includeClosed, String text) {
        this(organisation, coordinatorQueue, status, category, district, overdue, includeClosed, text, false);
    }

    public static ReportQuery queueOf(OrganisationId organisation) {
        return new ReportQuery(organisation, false, null, null, null, false, false, null);
    }

    public static ReportQuery coordinator() {
        return new ReportQuery(null, true, null, null, null, false, false, null);
    }
}
