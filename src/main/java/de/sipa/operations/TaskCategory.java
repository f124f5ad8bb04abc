package de.sipa.operations;

/** What a task in a deployment plan is about; labels in messages ({@code plan.task.category.*}). */
public enum TaskCategory {
    ROAD_CLOSURE,
    TRAFFIC,
    SECURITY,
    YOUTH_PROTECTION,
    FIRE_SAFETY,
    MEDICAL,
    SANITATION,
    COMMUNICATION,
    OTHER
}
