package de.sipa.surveys;

/** How a wave collects its answers. */
public enum WaveMode {
    /** On the web, one response per code printed on a letter to a random sample. */
    INVITATION_CODES,
    /** On the web for everyone, one response per device. */
    OPEN,
    /** Run elsewhere (an institute, on paper); the answers are imported. */
    EXTERNAL
}
