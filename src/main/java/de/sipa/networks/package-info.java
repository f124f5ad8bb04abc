/**
 * County and state level (Landkreis, Region, Landesprogramm): a network above partnerships, hosted by a partnership of
 * its own (the county's coordination) whose coordinators coordinate it. Member partnerships choose what they share with
 * it: the contact point's key figures (monthly per category, small cells suppressed) and prevention projects. The
 * network's page rolls the shared figures up per town as rates per 1,000 inhabitants, maps the towns and shows the
 * projects by field and target group; the catalogue of shared practice lets a member copy a project as a template.
 * It reads the other modules through their APIs, never their tables, and shows nothing a member has not shared.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "notifications", "partners", "prevention", "reports", "situation", "shared"})
package de.sipa.networks;
