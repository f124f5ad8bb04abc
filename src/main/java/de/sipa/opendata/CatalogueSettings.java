package de.sipa.opendata;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.URL;

/**
 * What the DCAT-AP.de catalogue says about its provider, entered by the coordination; every field may stay empty.
 *
 * @param contributorId GovData's id of the data provider ({@code dcatde:contributorID}), an IRI under
 *     {@value #CONTRIBUTORS}, assigned by GovData on registration
 * @param publisherName the publisher ({@code dct:publisher}); empty: the partnership's name
 * @param publisherUri the publisher's web address, its identifier in the catalogue
 * @param contactEmail a functional mailbox for questions on the data ({@code dcat:contactPoint})
 * @param contactUrl a contact page, instead of or besides the mailbox
 */
public record CatalogueSettings(
        @Size(max = 300) @URL(regexp = "^http://dcat-ap\\.de/def/contributors/[A-Za-z0-9_-]+$",
                message = "{openData.settings.contributorId.invalid}") String contributorId,
        @Size(max = 200) String publisherName,
        @Size(max = 300) @URL(regexp = HTTP, message = "{openData.settings.uri.invalid}") String publisherUri,
        @Size(max = 200) @Email(message = "{openData.settings.email.invalid}") String contactEmail,
        @Size(max = 300) @URL(regexp = HTTP, message = "{openData.settings.uri.invalid}") String contactUrl) {

    /** The vocabulary of GovData's data providers. */
    public static final String CONTRIBUTORS = "http://dcat-ap.de/def/contributors/";
    static final String HTTP = "^https?://.+$";

    public CatalogueSettings {
        contributorId = blankToNull(contributorId);
        publisherName = blankToNull(publisherName);
        publisherUri = blankToNull(publisherUri);
        contactEmail = blankToNull(contactEmail);
        contactUrl = blankToNull(contactUrl);
    }

    static CatalogueSettings none() {
        return new CatalogueSettings(null, null, null, null, null);
    }

    boolean hasContact() {
        return contactEmail != null || contactUrl != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
