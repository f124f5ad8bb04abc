/**
 * The Impressum and the Datenschutzerklärung of a partnership's public pages ({@code /buerger/{slug}/…}): written
 * by its coordinator, shown from a template until then. Nothing depends on this module; the public pages link to
 * it by URL.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "partners", "reports", "responsibilities", "shared"})
package de.sipa.legal;
