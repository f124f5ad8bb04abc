package de.sipa.responsibilities;

import java.time.Instant;
import java.util.UUID;

/**
 * A change the coordinator proposes to the steering group.
 *
 * @param target the entry as it would be after the change (for REMOVE: the entry that would end)
 * @param item the review item it came from, if any
 */
public record Proposal(UUID id, int position, ProposalKind kind, MatrixEntry target, UUID item, String rationale,
        Decision decision, String decidedBy, Instant decidedAt, String decisionNote) {

    public boolean decided() {
        return decision != Decision.PENDING;
    }

    MatrixEdit toEdit() {
        return switch (kind) {
            case ASSIGN -> new MatrixEdit.Assign(target);
            case CHANGE -> new MatrixEdit.Change(target);
            case REMOVE -> new MatrixEdit.Remove(target.id());
        };
    }
}
