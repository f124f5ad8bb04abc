package de.sipa.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;

@SipaIntegrationTest
class NotificationsTests {

    @Autowired
    Notifications notifications;

    @Autowired
    MailDelivery delivery;

    @Autowired
    GreenMail greenMail;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void queuedMailIsDeliveredByTheBackgroundJobWithItsAttachment() throws Exception {
        var city = fixtures.city();
        var recipient = "leitung-" + city.key() + "@stadt.example";
        notifications.send(new Mail(city.id(), recipient, "Einladung Lenkungsgruppe", "Guten Tag, …",
                new Mail.Attachment("einladung.ics", "text/calendar", "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8)),
                null));

        delivery.deliverPending();

        var received = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> to(m, recipient)).toList();
        assertThat(received).singleElement().satisfies(message -> {
            assertThat(message.getSubject()).isEqualTo("Einladung Lenkungsgruppe");
            assertThat(GreenMailUtil.getWholeMessage(message)).contains("einladung.ics", "Guten Tag");
        });
    }

    @Test
    void aMailWithTheSameKeyIsQueuedOnlyOnce() {
        var city = fixtures.city();
        var mail = Mail.of(city.id(), "x-" + city.key() + "@stadt.example", "Erinnerung", "Frist läuft ab")
                .once("reminder-" + city.key());
        assertThat(notifications.send(mail)).isTrue();
        assertThat(notifications.send(mail)).isFalse();
    }

    @Test
    void mailOfARolledBackChangeIsNeverSent() {
        var city = fixtures.city();
        var recipient = "nie-" + city.key() + "@stadt.example";
        transaction.executeWithoutResult(status -> {
            notifications.send(Mail.of(city.id(), recipient, "Sollte nicht ankommen", "…"));
            status.setRollbackOnly();
        });
        delivery.deliverPending();
        assertThat(greenMail.getReceivedMessages()).noneMatch(m -> to(m, recipient));
    }

    private static boolean to(MimeMessage message, String recipient) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
