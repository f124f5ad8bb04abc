package de.sipa.places;

/**
 * The established criteria of a site audit (Sicherheitsaudit, Ortsbegehung), in the order one walks them: can one
 * find one's way, see and be seen, is it lit, does green hide or crowd, can one get away, are people about, is it
 * kept up, do signs help, is help near.
 */
public enum AuditCriterion {
    ORIENTATION, SIGHT_LINES, LIGHTING, VEGETATION, ESCAPE_ROUTES, PEOPLE_AROUND, CONDITION, SIGNS, HELP_NEARBY
}
