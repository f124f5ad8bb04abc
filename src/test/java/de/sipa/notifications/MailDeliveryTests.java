package de.sipa.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;

/** Claim, commit, send, mark: a slow mail server holds no lock, and no mail goes out twice at the same time. */
@SipaIntegrationTest
class MailDeliveryTests {

    @Autowired
    Notifications notifications;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void nothingElsePending() {
        // Mails other tests left queued would otherwise fill the batches.
        var drain = delivery(new StubSender(null), Clock.systemUTC());
        int rounds = 0;
        while (rounds++ < 100 && drain.deliverPending() > 0) {
            // next batch
        }
    }

    @Test
    void whileTheMailServerIsSlowTheMailIsNotLockedAndASecondRunDoesNotSendItAgain() throws Exception {
        var city = fixtures.city();
        var recipient = "langsam-" + city.key() + "@stadt.example";
        notifications.send(Mail.of(city.id(), recipient, "Langsam", "…"));

        var slow = new StubSender(recipient);
        var pool = Executors.newSingleThreadExecutor();
        try {
            var firstRun = pool.submit(() -> delivery(slow, Clock.systemUTC()).deliverPending());
            assertThat(slow.sending.await(20, TimeUnit.SECONDS)).isTrue();

            // Another transaction can change the row being sent (it would wait for a lock held during the send).
            assertThatCode(() -> transaction.executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL lock_timeout = '2s'").update();
                jdbc.sql("UPDATE notifications_mail SET last_error = last_error WHERE recipient = ?").param(recipient)
                        .update();
            })).doesNotThrowAnyException();

            // A second run meanwhile (another instance) does not send the claimed mail.
            var other = new StubSender(null);
            delivery(other, Clock.systemUTC()).deliverPending();
            assertThat(other.recipients).doesNotContain(recipient);

            slow.release.countDown();
            assertThat(firstRun.get(20, TimeUnit.SECONDS)).isPositive();
        } finally {
            slow.release.countDown();
            pool.shutdownNow();
        }
        assertThat(slow.recipients).containsOnlyOnce(recipient);
        assertThat(sentAt(recipient)).isNotNull();
    }

    @Test
    void aMailWhoseRunDiedAfterClaimingItIsSentOnceMoreWhenTheClaimExpires() {
        var city = fixtures.city();
        var recipient = "abgestuerzt-" + city.key() + "@stadt.example";
        notifications.send(Mail.of(city.id(), recipient, "Nach dem Absturz", "…"));
        // A run claims the mail and dies before marking it sent.
        assertThat(delivery(new StubSender(null), Clock.systemUTC()).claim())
                .anyMatch(m -> m.recipient().equals(recipient));

        var now = new StubSender(null);
        delivery(now, Clock.systemUTC()).deliverPending();
        assertThat(now.recipients).doesNotContain(recipient);

        var later = new StubSender(null);
        var elevenMinutesLater = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11));
        delivery(later, elevenMinutesLater).deliverPending();
        delivery(later, elevenMinutesLater).deliverPending();
        assertThat(later.recipients).containsOnlyOnce(recipient);
        assertThat(registry.counter("sipa.mail.delivered").count()).as("delivered, counted for monitoring")
                .isGreaterThanOrEqualTo(1);
        assertThat(sentAt(recipient)).isNotNull();
    }

    @Test
    void whileTheMailServerCannotBeReachedMailsWaitWithoutUsingUpTheirAttemptsAndGoOutOnceWhenItIsBack()
            throws Exception {
        var city = fixtures.city();
        var recipient = "wartet-" + city.key() + "@stadt.example";
        notifications.send(Mail.of(city.id(), recipient, "Später", "…"));
        var closed = new JavaMailSenderImpl();
        try (var socket = new java.net.ServerSocket(0)) {
            closed.setHost("127.0.0.1");
            closed.setPort(socket.getLocalPort());
        } // the port is closed now: nothing listens on it

        for (int run = 0; run < MailDelivery.MAX_ATTEMPTS + 3; run++) {
            delivery(closed, Clock.systemUTC()).deliverPending();
        }
        var waiting = jdbc.sql("SELECT attempts, last_error, claimed_until FROM notifications_mail WHERE recipient = ?")
                .param(recipient).query((rs, n) -> List.of(rs.getInt(1), String.valueOf(rs.getString(2)),
                        String.valueOf(rs.getTimestamp(3)))).single();
        assertThat(waiting.get(0)).as("attempts used up while the server was away").isEqualTo(0);
        assertThat((String) waiting.get(1)).as("the error, for the outbox page").isNotEqualTo("null");
        assertThat(waiting.get(2)).as("claim released").isEqualTo("null");
        assertThat(sentAt(recipient)).isNull();

        var back = new StubSender(null);
        delivery(back, Clock.systemUTC()).deliverPending();
        delivery(back, Clock.systemUTC()).deliverPending();
        assertThat(back.recipients).containsOnlyOnce(recipient);
        assertThat(sentAt(recipient)).isNotNull();
    }

    @Test
    void aMailTheServerRefusesUsesUpAnAttempt() {
        var city = fixtures.city();
        var recipient = "abgelehnt-" + city.key() + "@stadt.example";
        notifications.send(Mail.of(city.id(), recipient, "Abgelehnt", "…"));
        var refusing = new StubSender(null) {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                throw new org.springframework.mail.MailSendException(Map.of(messages[0],
                        new jakarta.mail.SendFailedException("550 no such user")));
            }
        };
        delivery(refusing, Clock.systemUTC()).deliverPending();
        assertThat(jdbc.sql("SELECT attempts FROM notifications_mail WHERE recipient = ?").param(recipient)
                .query(Integer.class).single()).isEqualTo(1);
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private MailDelivery delivery(JavaMailSender sender, Clock clock) {
        var beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
        return new MailDelivery(jdbc, beans.getBeanProvider(JavaMailSender.class), clock, "sipa@localhost",
                Duration.ofMinutes(10), transactions, registry);
    }

    private Instant sentAt(String recipient) {
        return jdbc.sql("SELECT sent_at FROM notifications_mail WHERE recipient = ?").param(recipient)
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
    }

    /** Records what it sends; blocks on the mail to {@code slowFor} until released. */
    static class StubSender extends JavaMailSenderImpl {

        final List<String> recipients = new CopyOnWriteArrayList<>();
        final CountDownLatch sending = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final String slowFor;

        StubSender(String slowFor) {
            this.slowFor = slowFor;
        }

        @Override
        protected void doSend(MimeMessage[] messages, Object[] originals) {
            for (var message : messages) {
                try {
                    var to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
                    if (to.equals(slowFor)) {
                        sending.countDown();
                        release.await(20, TimeUnit.SECONDS);
                    }
                    recipients.add(to);
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
