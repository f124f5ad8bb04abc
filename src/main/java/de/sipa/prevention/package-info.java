/**
 * Prevention projects (Präventionsprojekte), planned and evaluated along the Beccaria standard of the
 * Landespräventionsrat Niedersachsen: the project with its lead and partner organisations, districts, places,
 * period and funding; the seven Beccaria steps with their texts and the coordinator's quality notes; indicators with
 * baseline, target and measured values, typed or linked to a live figure (contact-point reports, crime figures);
 * the programme it follows and its evidence level; the project sheet as PDF and Word document.
 * It reads the partners, places, reports and crime figures through their APIs; nothing reads it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "meetings", "notifications", "partners", "places", "reports", "situation", "shared", "surveys"})
package de.sipa.prevention;
