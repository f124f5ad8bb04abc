package de.sipa.prevention;

/** Where a project stands, in the order a project usually goes through; {@link #STOPPED} ends it early. */
public enum ProjectStatus {
    IDEA, PLANNING, RUNNING, EVALUATED, FINISHED, STOPPED
}
