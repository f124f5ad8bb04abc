package de.sipa.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.util.StreamProvider;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Delivers queued mail in three steps: claim a batch (a short transaction that sets {@code claimed_until}; rows
 * are picked with SKIP LOCKED, so instances never claim the same mail), send each mail with no transaction or
 * row lock open, then mark it sent. A slow mail server holds no locks. If the instance dies between sending and
 * marking, the claim expires and the mail goes out once more; it is never sent by two runs at the same time.
 * A failed mail is retried a few times and its error kept for the outbox page; while the mail server cannot be
 * reached at all, mails wait without using up their attempts and go out once it answers again.
 */
@Component
class MailDelivery {

    /** The stream provider of Eclipse Angus Mail, the implementation Spring Boot's mail starter brings. */
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // jakarta.mail asks the ServiceLoader for its StreamProvider on every encoded header word and every
        // multipart (jakartaee/mail-api#861). In the packaged jar that reads the service files of all nested jars
        // each time: in profiles of the Open311 POST load, 11-21 % of the JVM's CPU samples were in it (most of the
        // delivery thread's). Named here, the same provider is found by its class name instead.
        var property = StreamProvider.class.getName();
        if (System.getProperty(property) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, MailDelivery.class.getClassLoader())) {
            System.setProperty(property, ANGUS_STREAM_PROVIDER);
        }
    }

    static final int MAX_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String from;
    private final Duration claim;
    private final TransactionTemplate transaction;

    private final Counter delivered;
    private final Counter failed;

    MailDelivery(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, Clock clock,
            @Value("${sipa.mail.from:sipa@localhost}") String from,
            @Value("${sipa.mail.claim:PT10M}") Duration claim, PlatformTransactionManager transactions,
            MeterRegistry registry) {
        this.jdbc = jdbc;
        delivered = Counter.builder("sipa.mail.delivered").description("Mails handed to the mail server")
                .register(registry);
        failed = Counter.builder("sipa.mail.failures").description("Attempts the mail server refused or missed")
                .register(registry);
        // Read when scraped: one indexed count of the unsent mails.
        Gauge.builder("sipa.mail.outbox", this, MailDelivery::waiting).description("Mails waiting to be sent")
                .register(registry);
        this.sender = sender;
        this.clock = clock;
        this.from = from;
        this.claim = claim;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${sipa.mail.delivery-interval:PT10S}")
    @SchedulerLock(name = "notifications.mail-delivery", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1S")
    void deliverScheduled() {
        deliverPending();
    }

    /** Sends what is pending; returns how many mails went out. */
    public int deliverPending() {
        var mailSender = sender.getIfAvailable();
        int sent = 0;
        var claimed = claim();
        for (int i = 0; i < claimed.size(); i++) {
            var mail = claimed.get(i);
            if (mailSender == null) {
                fail(mail.id(), "Kein Mailserver konfiguriert (spring.mail.host)");
                continue;
            }
            try {
                var message = mailSender.createMimeMessage();
                var helper = new MimeMessageHelper(message, mail.attachment() != null, "UTF-8");
                helper.setFrom(from);
                helper.setTo(mail.recipient());
                helper.setSubject(mail.subject());
                helper.setText(mail.body());
                if (mail.attachment() != null) {
                    helper.addAttachment(mail.attachmentName(), new ByteArrayResource(mail.attachment()),
                            mail.attachmentType());
                }
                mailSender.send(message);
                jdbc.sql("""
                        UPDATE notifications_mail SET sent_at = ?, attempts = attempts + 1, last_error = NULL,
                               claimed_until = NULL WHERE id = ?""")
                        .params(Timestamp.from(clock.instant()), mail.id()).update();
                sent++;
                delivered.increment();
            } catch (MailException | MessagingException e) {
                if (unreachable(e)) {
                    // Not the mail's fault: it and the rest of the batch wait, without using up an attempt, until
                    // the mail server answers again (the next run tries once more).
                    log.warn("Mail server unreachable, {} mails wait in the outbox: {}", claimed.size() - i,
                            e.getMessage());
                    failed.increment();
                    for (var waiting : claimed.subList(i, claimed.size())) {
                        release(waiting.id(), e.getMessage());
                    }
                    break;
                }
                log.warn("Mail {} to {} not delivered: {}", mail.id(), mail.recipient(), e.getMessage());
                fail(mail.id(), e.getMessage());
            }
        }
        return sent;
    }

    /**
     * Whether the mail server could not be reached at all (refused, no route, timed out, unknown host): Spring names
     * every message of the run as failed then, so the cause tells, not the list of failed messages.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.NoRouteToHostException
                    || cause instanceof java.net.SocketTimeoutException
                    || cause.getClass().getSimpleName().equals("MailConnectException")) {
                return true;
            }
        }
        return false;
    }

    private void release(UUID id, String error) {
        var message = error == null ? "unbekannter Fehler" : error;
        jdbc.sql("UPDATE notifications_mail SET last_error = ?, claimed_until = NULL WHERE id = ?")
                .params(message.length() > 1000 ? message.substring(0, 1000) : message, id).update();
    }

    /** Claims up to 50 pending mails nobody else holds, and commits the claim before anything is sent. */
    List<Pending> claim() {
        var now = clock.instant();
        return transaction.execute(status -> jdbc.sql("""
                UPDATE notifications_mail m SET claimed_until = ?
                FROM (SELECT id FROM notifications_mail
                      WHERE sent_at IS NULL AND attempts < ? AND (claimed_until IS NULL OR claimed_until < ?)
                      ORDER BY created_at LIMIT 50 FOR UPDATE SKIP LOCKED) c
                WHERE m.id = c.id
                RETURNING m.id, m.recipient, m.subject, m.body, m.attachment_name, m.attachment_type, m.attachment,
                          m.created_at""")
                .params(Timestamp.from(now.plus(claim)), MAX_ATTEMPTS, Timestamp.from(now))
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getString("attachment_name"),
                        rs.getString("attachment_type"), rs.getBytes("attachment"),
                        rs.getTimestamp("created_at").toInstant()))
                .list()
                .stream().sorted(Comparator.comparing(Pending::createdAt)).toList());
    }

    private void fail(UUID id, String error) {
        failed.increment();
        var message = error == null ? "unbekannter Fehler" : error;
        jdbc.sql("UPDATE notifications_mail SET attempts = attempts + 1, last_error = ?, claimed_until = NULL WHERE id = ?")
                .params(message.length() > 1000 ? message.substring(0, 1000) : message, id).update();
    }

    private double waiting() {
        return jdbc.sql("SELECT count(*) FROM notifications_mail WHERE sent_at IS NULL AND attempts < ?")
                .param(MAX_ATTEMPTS).query(Long.class).single();
    }

    record Pending(UUID id, String recipient, String subject, String body, String attachmentName,
            String attachmentType, byte[] attachment, Instant createdAt) {
    }
}
