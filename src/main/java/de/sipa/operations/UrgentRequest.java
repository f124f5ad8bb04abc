package de.sipa.operations;

import java.time.Duration;
import java.time.Instant;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/**
 * A short-notice request (kurzfristige Anfrage, Sofortlage) from one partner organisation to another: a road closure
 * or a gathering the same day, without a deployment plan. The addressed organisation confirms having seen it, then
 * answers with a Zusage or an Absage; an accepted request may grow into an {@link Event}.
 *
 * @param answer {@code null} while unanswered, else {@link UrgentRequestStatus#ACCEPTED} or
 *        {@link UrgentRequestStatus#DECLINED}
 * @param event the event it grew into, or {@code null}
 */
public record UrgentRequest(UrgentRequestId id, OrganisationId requestedBy, OrganisationId addressedTo,
        Instant neededAt, String place, DistrictId district, String what, Urgency urgency, String sentBy,
        Instant sentAt, String acknowledgedBy, Instant acknowledgedAt, UrgentRequestStatus answer, String answerText,
        String answeredBy, Instant answeredAt, EventId event) {

    public UrgentRequestStatus status() {
        if (answer != null) {
            return answer;
        }
        return acknowledgedAt == null ? UrgentRequestStatus.OPEN : UrgentRequestStatus.ACKNOWLEDGED;
    }

    public boolean answered() {
        return answer != null;
    }

    public boolean involves(OrganisationId organisation) {
        return requestedBy.equals(organisation) || addressedTo.equals(organisation);
    }

    /** Whole minutes from sending to the confirmation, or {@code null} while unconfirmed. */
    public Long minutesToAcknowledge() {
        return acknowledgedAt == null ? null : Duration.between(sentAt, acknowledgedAt).toMinutes();
    }

    /** Whole minutes since it was sent. */
    public long ageInMinutes(Instant now) {
        return Math.max(0, Duration.between(sentAt, now).toMinutes());
    }

    UrgentRequest acknowledge(String by, Instant at) {
        if (acknowledgedAt != null) {
            throw new RuleViolationException("urgentRequest.alreadyAcknowledged");
        }
        return new UrgentRequest(id, requestedBy, addressedTo, neededAt, place, district, what, urgency, sentBy, sentAt,
                by, at, answer, answerText, answeredBy, answeredAt, event);
    }

    /** A Zusage or an Absage; an Absage says why. The request must have been confirmed before. */
    UrgentRequest answer(boolean accepted, String text, String by, Instant at) {
        if (answered()) {
            throw new RuleViolationException("urgentRequest.alreadyAnswered");
        }
        if (acknowledgedAt == null) {
            throw new RuleViolationException("urgentRequest.acknowledgeFirst");
        }
        if (!accepted && text == null) {
            throw new RuleViolationException("urgentRequest.reasonRequired");
        }
        if (text != null && text.length() > 1000) {
            throw new RuleViolationException("urgentRequest.answerTooLong");
        }
        return new UrgentRequest(id, requestedBy, addressedTo, neededAt, place, district, what, urgency, sentBy, sentAt,
                acknowledgedBy, acknowledgedAt, accepted ? UrgentRequestStatus.ACCEPTED : UrgentRequestStatus.DECLINED,
                text, by, at, event);
    }

    /** Only an accepted request, and only once, becomes an event. */
    UrgentRequest grownInto(EventId grown) {
        checkMayGrow();
        return new UrgentRequest(id, requestedBy, addressedTo, neededAt, place, district, what, urgency, sentBy, sentAt,
                acknowledgedBy, acknowledgedAt, answer, answerText, answeredBy, answeredAt, grown);
    }

    void checkMayGrow() {
        if (event != null) {
            throw new RuleViolationException("urgentRequest.alreadyEvent");
        }
        if (answer != UrgentRequestStatus.ACCEPTED) {
            throw new RuleViolationException("urgentRequest.eventOnlyWhenAccepted");
        }
    }
}
