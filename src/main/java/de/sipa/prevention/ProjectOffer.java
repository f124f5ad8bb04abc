package de.sipa.prevention;

/**
 * A volunteer offer as a project's pages show it.
 *
 * @param status the offer's status as its name ({@code DRAFT}, {@code PUBLISHED}, {@code CLOSED})
 * @param page the offer's page: the staff's, or on the public pages the one with the sign-up form
 */
public record ProjectOffer(String title, String schedule, String location, String timeCommitment, String status,
        String page) {
}
