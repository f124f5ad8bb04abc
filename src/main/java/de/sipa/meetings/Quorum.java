package de.sipa.meetings;

/**
 * Whether a meeting can decide: enough of the body's voting members (chairs and standing members; guests do not
 * vote) are present or represented, as the body's rule demands.
 */
public record Quorum(int votingMembers, int attending, QuorumRule rule) {

    public int required() {
        return rule.required(votingMembers);
    }

    public boolean reached() {
        return votingMembers > 0 && attending >= required();
    }
}
