/**
 * Citizen surveys on the sense of security (Bürgerumfragen, Sicherheitsgefühl): questionnaires built from a library of
 * standard items, waves that run them on the web (with invitation codes or open) or import an institute's answers,
 * and results per district and wave, weighted to the population, with trends over the questions marked comparable.
 * A response is anonymous: no address, no account and no time finer than the day is stored with it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "partners", "reports", "shared"})
package de.sipa.surveys;
