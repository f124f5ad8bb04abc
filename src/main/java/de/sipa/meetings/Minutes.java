package de.sipa.meetings;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a meeting's minutes: a text per agenda item (only the items the reader may see).
 *
 * @param correctionReason why this version corrects the approved one before it; null for the first version
 */
public record Minutes(MeetingId meeting, int version, MinutesStatus status, Map<UUID, String> texts,
        String correctionReason, String approvedBy, Instant approvedAt, List<Comment> comments) {

    public boolean editable() {
        return status != MinutesStatus.APPROVED;
    }

    public record Comment(String author, String text, Instant createdAt) {
    }
}
