package de.sipa.website;

/**
 * Who may do what with the news: the coordination writes, submits and withdraws posts; everyone of the partnership
 * reads them, and the staff of a named organisation answer for it ({@link NewsPosts#approve}).
 */
public final class WebsitePermissions {

    public static final String READ = "isAuthenticated()";
    public static final String WRITE = "hasAnyRole('ADMIN','COORDINATOR')";
    public static final String ANSWER = "hasAnyRole('ADMIN','COORDINATOR','STEERING','PARTNER')";

    private WebsitePermissions() {
    }
}
