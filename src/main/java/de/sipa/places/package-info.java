/**
 * Places with a security deficit (Orte mit Sicherheitsdefizit, Angsträume): a place drawn on the map (a point with a
 * radius, a polygon, or a line with a half-width such as an underpass), its kind of deficit, its owner and status;
 * the site audits walked there, the safety concept with its measures, and whether the measures worked (reports
 * inside the place before and after, against a comparison area, with a buffer for displacement).
 * It reads the reports, the partners and the bodies through their APIs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "meetings", "operations", "partners", "reports", "responsibilities", "shared", "surveys"})
package de.sipa.places;
