package de.sipa.goals;

/** Who may do what with the yearly goals: everyone of the partnership reads them, the steering group and the coordination set them. */
public final class GoalPermissions {

    public static final String READ = "isAuthenticated()";
    public static final String SET = "hasAnyRole('ADMIN','COORDINATOR','STEERING')";

    private GoalPermissions() {
    }
}
