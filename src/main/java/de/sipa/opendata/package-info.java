/**
 * Open data (Offene Daten): anonymised, aggregated datasets of a partnership — reports per category, district and
 * month; the measures at its places per kind, status and district; its prevention projects per field, target group
 * and status; the sense of security per survey wave and district — as CSV and JSON, described by a DCAT-AP.de
 * catalogue. Regenerated each night (and on the coordinator's request) and stored, so the public pages only read.
 * Counts of people's reports and answers from one to four are suppressed, and a second one where a total would give
 * a suppressed count back ({@link de.sipa.shared.CellSuppression}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "partners", "places", "prevention", "reports", "surveys", "shared"})
package de.sipa.opendata;
