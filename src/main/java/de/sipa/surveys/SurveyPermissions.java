package de.sipa.surveys;

/** Who may do what with surveys. */
public final class SurveyPermissions {

    /** Results leave the coordination only with small cells suppressed; inside it, everyone of the partnership reads. */
    public static final String READ = "isAuthenticated()";
    /** Building questionnaires, running waves, importing answers: the coordination, which speaks for the partnership. */
    public static final String MANAGE = "hasAnyRole('ADMIN','COORDINATOR')";

    private SurveyPermissions() {
    }
}
