/**
 * Volunteering (Ehrenamt): the partnership's volunteer offers (what, when, where, how much time, how many people,
 * the contact person from the partners' directory) and the citizens who sign up for them on the public pages with a
 * double opt-in. The contact person accepts, assigns and thanks the volunteers and records their hours. The
 * volunteers' personal data are cleared a configurable time after the engagement ended; anonymous counts and hours
 * stay. An offer may belong to a prevention project of the partnership; the project's pages show its offers through
 * prevention's {@link de.sipa.prevention.ProjectOffers}, which this module implements.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "notifications", "partners", "prevention", "reports", "shared"})
package de.sipa.volunteers;
