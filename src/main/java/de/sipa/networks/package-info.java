/**
 * County and state level (Landkreis, Region, Landesprogramm): a network above partnerships, hosted by a partnership of
 * its own (the county's coordination) whose coordinators coordinate it. Member partnerships choose what they share with
 * it: the contact point's key figures (monthly per category, small cells suppressed), prevention projects, published
 * places with their evaluation, places' safety concepts (goals and measures), finished survey waves (small cells
 * suppressed) and their published annual reports (as links to the public pages: nothing reads the annual report
 * module). The
 * network's page rolls the shared figures up per town as rates per 1,000 inhabitants, maps the towns and shows the
 * projects by field and target group; the catalogue of shared practice lets a member copy a project or a safety concept
 * as a template. A project or a safety concept may also be shared with the whole installation, for every partnership's
 * catalogue.
 * The network keeps bodies and meetings of its own (the round table), which its members read under row-level security;
 * a Land programme defines a template (bodies, categories, topics, standard survey items) that its members apply and
 * that a partnership founded in its Land gets at once.
 * It reads the other modules through their APIs, never their tables, and shows nothing a member has not shared.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "notifications", "partners", "places", "prevention", "reports", "responsibilities",
                "situation", "shared", "surveys"})
package de.sipa.networks;
