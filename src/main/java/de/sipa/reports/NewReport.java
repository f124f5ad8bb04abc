package de.sipa.reports;

import java.util.LinkedHashMap;
import java.util.Map;

import de.sipa.partners.DistrictId;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.PlainText;

/**
 * A concern as it arrives. A location is a point (latitude/longitude), an address or an address id (Open311
 * {@code address_id}); the district comes from the point, else from {@code district}. Control characters a client
 * sent along are dropped from every text.
 *
 * @param attributes answers to the category's questions by attribute code (list answers comma-separated)
 * @param addressId the id of an address in the client's address register, kept as given
 * @param mediaUrl a link to a photo the client keeps itself (http or https); never fetched
 */
public record NewReport(PartnershipId partnership, CategoryId category, String description, Double latitude,
        Double longitude, String address, DistrictId district, Map<String, String> attributes, Contact contact,
        ReportSource source, String addressId, String mediaUrl) {

    public NewReport {
        description = PlainText.clean(description);
        address = PlainText.clean(address);
        addressId = PlainText.clean(addressId);
        mediaUrl = PlainText.clean(mediaUrl);
        var cleaned = new LinkedHashMap<String, String>();
        if (attributes != null) {
            attributes.forEach((code, answer) -> {
                if (code != null && answer != null) {
                    cleaned.put(PlainText.clean(code), PlainText.clean(answer));
                }
            });
        }
        attributes = Map.copyOf(cleaned);
        contact = contact == null ? Contact.NONE
                : new Contact(PlainText.clean(contact.name()), PlainText.clean(contact.email()),
                        PlainText.clean(contact.phone()));
    }

    /** The longest photo link kept. */
    public static final int MAX_MEDIA_URL = 2000;

    /** An absolute http or https link with a host, of at most {@value #MAX_MEDIA_URL} characters. */
    public static boolean isMediaUrl(String url) {
        if (url == null || url.length() > MAX_MEDIA_URL || url.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            var uri = new java.net.URI(url);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** A concern without address id and photo link (forms, patrols). */
    public NewReport(PartnershipId partnership, CategoryId category, String description, Double latitude,
            Double longitude, String address, DistrictId district, Map<String, String> attributes, Contact contact,
            ReportSource source) {
        this(partnership, category, description, latitude, longitude, address, district, attributes, contact, source,
                null, null);
    }
}
