package de.sipa.partners;

import java.util.UUID;

/**
 * A search in the directory; every part is optional.
 *
 * @param text matched against name, function, organisation and e-mail
 */
public record DirectoryQuery(String text, UUID organisation, UUID body, UUID district, String function) {

    public static DirectoryQuery everyone() {
        return new DirectoryQuery(null, null, null, null, null);
    }
}
