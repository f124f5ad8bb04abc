package de.sipa.prevention;

/** Who proposed an idea: a citizen on the public form or a partner inside SiPa. */
public enum IdeaOrigin {
    CITIZEN, PARTNER
}
