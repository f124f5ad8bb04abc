package de.sipa.prevention;

/** Where an idea stands in the coordination's moderation; labels in messages ({@code idea.status.*}). */
public enum IdeaStatus {
    NEW, IN_REVIEW, PROJECT, DECLINED;

    /** Whether the idea is answered: turned into a project or declined. */
    public boolean decided() {
        return this == PROJECT || this == DECLINED;
    }
}
