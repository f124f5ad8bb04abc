package de.sipa.partners;

import java.util.List;

/**
 * The bodies of a partnership with their memberships and the people holding them, as far as they are public:
 * people without a seat in a body are not part of it.
 */
public record PublicRoster(List<Published<Body>> bodies, List<Published<PublicPerson>> people,
        List<Published<Membership>> memberships) {
}
