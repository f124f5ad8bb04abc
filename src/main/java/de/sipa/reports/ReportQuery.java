package de.sipa.reports;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/**
 * Filters of a work queue.
 *
 * @param organisation whose queue; ignored for the coordinator's queue
 * @param coordinatorQueue only reports without a responsible organisation
 * @param status one status; {@code null} for all open ones (or all, with {@code includeClosed})
 * @param handedBack only reports an organisation handed back ("not ours") and that still lie with the coordinator
 * @param informedOf instead of an organisation's queue: the reports this organisation was told about (supporting or
 *     informed by the matrix) without being responsible
 */
public record ReportQuery(OrganisationId organisation, boolean coordinatorQueue, ReportStatus status,
        CategoryId category, DistrictId district, boolean overdue, boolean includeClosed, String text,
        boolean handedBack, OrganisationId informedOf) {

    public ReportQuery(OrganisationId organisation, boolean coordinatorQueue, ReportStatus status, CategoryId category,
            DistrictId district, boolean overdue, boolean includeClosed, String text) {
        this(organisation, coordinatorQueue, status, category, district, overdue, includeClosed, text, false, null);
    }

    public static ReportQuery queueOf(OrganisationId organisation) {
        return new ReportQuery(organisation, false, null, null, null, false, false, null);
    }

    public static ReportQuery coordinator() {
        return new ReportQuery(null, true, null, null, null, false, false, null);
    }

    /** All open reports of all queues. */
    public static ReportQuery allOpen() {
        return new ReportQuery(null, false, null, null, null, false, false, null);
    }

    public ReportQuery withStatus(ReportStatus only) {
        return new ReportQuery(organisation, coordinatorQueue, only, category, district, overdue, includeClosed, text,
                handedBack, informedOf);
    }

    public ReportQuery overdueOnly() {
        return new ReportQuery(organisation, coordinatorQueue, status, category, district, true, includeClosed, text,
                handedBack, informedOf);
    }

    public ReportQuery handedBackOnly() {
        return new ReportQuery(organisation, coordinatorQueue, status, category, district, overdue, includeClosed, text,
                true, informedOf);
    }

    /** The open reports an organisation was informed about. */
    public static ReportQuery informed(OrganisationId organisation) {
        return new ReportQuery(null, false, null, null, null, false, false, null, false, organisation);
    }
}
