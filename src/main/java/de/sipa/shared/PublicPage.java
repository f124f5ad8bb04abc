package de.sipa.shared;

/**
 * A page of a partnership's public website ({@code /buerger/{slug}} and then {@link #path()}) that its module serves
 * only for the partnerships that publish it (open data, once switched on). The website's navigation links it only
 * for those, so a citizen meets no dead link.
 */
public interface PublicPage {

    /** The page's path under the partnership's public address, e.g. {@code /offene-daten}. */
    String path();

    /** Whether the partnership publishes the page; asked without login. */
    boolean publishedBy(PartnershipId partnership);
}
