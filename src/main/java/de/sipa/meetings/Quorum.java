package de.sipa.meetings;

/**
 * Whether a meeting can decide: as in the municipal codes, more than half of the body's voting members (chairs and
 * standing members; guests do not vote) are present or represented.
 */
public record Quorum(int votingMembers, int attending) {

    public int required() {
        return votingMembers / 2 + 1;
    }

    public boolean reached() {
        return votingMembers > 0 && attending >= required();
    }
}
