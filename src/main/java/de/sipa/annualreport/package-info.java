/**
 * The annual report (Präventionsbericht): for a partnership and year a draft in chapters, one per module that offers
 * its yearly figures ({@link de.sipa.shared.YearlyFigures}), each with the coordinator's formatted text (sanitised,
 * autosaved, versions kept), switched on or off and reordered; generated in the background into a PDF and an HTML
 * version that the coordination may publish on the partnership's public pages. Reads the other modules only through
 * their yearly figures; nothing reads it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "partners", "shared"})
package de.sipa.annualreport;
