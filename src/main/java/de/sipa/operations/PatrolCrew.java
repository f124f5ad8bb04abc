package de.sipa.operations;

import java.util.List;

import de.sipa.partners.PersonId;
import de.sipa.shared.OrganisationId;

/** One organisation's part of a patrol: how many it owes and who it sends. */
public record PatrolCrew(OrganisationId organisation, String name, int required, List<Member> members) {

    public int missing() {
        return Math.max(0, required - members.size());
    }

    public String memberNames() {
        return String.join(", ", members.stream().map(Member::name).toList());
    }

    public record Member(PersonId person, String name) {
    }
}
