/**
 * The partnership's public website (no login): who the partnership is, its bodies, the coordinator's contact, the
 * news of the coordination and the way to every public page of the other modules; and the news posts with the
 * approval of the partners named in a joint statement. It reads the other modules through their APIs; nothing reads
 * it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "legal", "partners", "places", "shared", "surveys"})
package de.sipa.website;
