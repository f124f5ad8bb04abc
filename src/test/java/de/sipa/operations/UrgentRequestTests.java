package de.sipa.operations;

import static de.sipa.operations.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import de.sipa.shared.OrganisationId;

class UrgentRequestTests {

    static final Instant SENT = Instant.parse("2026-06-12T12:10:00Z");

    final UrgentRequest sent = new UrgentRequest(UrgentRequestId.random(), OrganisationId.random(),
            OrganisationId.random(), SENT.plus(Duration.ofHours(4)), "Marktplatz", null, "Begleitung", Urgency.IMMEDIATE,
            "ordnungsamt", SENT, null, null, null, null, null, null, null);

    @Test
    void theMinutesToAcknowledgeCountFromSending() {
        assertThat(sent.status()).isEqualTo(UrgentRequestStatus.OPEN);
        assertThat(sent.minutesToAcknowledge()).isNull();
        var acknowledged = sent.acknowledge("polizei", SENT.plus(Duration.ofSeconds(6 * 60 + 40)));
        assertThat(acknowledged.status()).isEqualTo(UrgentRequestStatus.ACKNOWLEDGED);
        assertThat(acknowledged.minutesToAcknowledge()).isEqualTo(6L);
        assertThat(sent.ageInMinutes(SENT.plus(Duration.ofMinutes(25)))).isEqualTo(25L);
    }

    @Test
    void anAnswerNeedsTheConfirmationBeforeAndAnAbsageItsReason() {
        assertRefused("urgentRequest.acknowledgeFirst", () -> sent.answer(true, null, "polizei", SENT));
        var acknowledged = sent.acknowledge("polizei", SENT.plusSeconds(60));
        assertRefused("urgentRequest.alreadyAcknowledged", () -> acknowledged.acknowledge("polizei", SENT));
        assertRefused("urgentRequest.reasonRequired", () -> acknowledged.answer(false, null, "polizei", SENT));
        var declined = acknowledged.answer(false, "Keine Kräfte frei", "polizei", SENT.plusSeconds(120));
        assertThat(declined.status()).isEqualTo(UrgentRequestStatus.DECLINED);
        assertRefused("urgentRequest.alreadyAnswered", () -> declined.answer(true, null, "polizei", SENT));
        assertRefused("urgentRequest.eventOnlyWhenAccepted", () -> declined.grownInto(EventId.random()));
    }

    @Test
    void anAcceptedRequestGrowsIntoOneEventOnly() {
        var accepted = sent.acknowledge("polizei", SENT).answer(true, null, "polizei", SENT);
        var grown = accepted.grownInto(EventId.random());
        assertThat(grown.event()).isNotNull();
        assertRefused("urgentRequest.alreadyEvent", () -> grown.grownInto(EventId.random()));
    }
}
