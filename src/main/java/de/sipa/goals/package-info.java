/**
 * Yearly goals (Jahresziele): the steering group and the coordination set a year's goals, each measured by an
 * indicator drawn from SiPa's figures (reports answered within so many working days, reports of a category or
 * district, PKS cases of an offence group, the share feeling unsafe at night from the surveys) or a value typed in,
 * with a baseline, a target and an owner organisation; the list shows the progress, the start page of the steering
 * group too, and {@link de.sipa.goals.Goals#progress} gives it to the annual report. It reads the figures through the
 * other modules' facades, never their tables.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "partners", "reports", "situation", "surveys", "shared"})
package de.sipa.goals;
