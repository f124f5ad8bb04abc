/**
 * The situation picture (Lagebild): the police's crime figures (PKS) per district and year, hotspots computed from
 * the reports with their places (kernel density, Getis-Ord Gi* on a square grid), near repeats of one category (Knox
 * test), and one profile page per district.
 * It reads the other modules through their APIs; nothing it computes is written back to them.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "maps", "operations", "partners", "places", "reports", "responsibilities", "shared", "surveys"})
package de.sipa.situation;
