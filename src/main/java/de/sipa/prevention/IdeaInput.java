package de.sipa.prevention;

import de.sipa.partners.DistrictId;

/**
 * What a citizen or a partner proposes.
 *
 * @param email the citizen's e-mail for the answer, optional; stored only with {@code consent}
 */
public record IdeaInput(String title, String description, PreventionField field, DistrictId district, String email,
        boolean consent) {
}
