package de.sipa.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import jakarta.mail.MessagingException;

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
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers queued mail. Rows are locked with SKIP LOCKED, so several instances share the work without
 * sending a mail twice; a failed mail is retried a few times and its error kept for the outbox page.
 */
@Component
class MailDelivery {

    static final int MAX_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String from;

    MailDelivery(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, Clock clock,
            @Value("${sipa.mail.from:sipa@localhost}") String from) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
    }

    /** Sends what is pending; returns how many mails went out. */
    @Scheduled(fixedDelayString = "${sipa.mail.delivery-interval:PT10S}")
    @Transactional
    public int deliverPending() {
        var mailSender = sender.getIfAvailable();
        var pending = jdbc.sql("""
                SELECT id, recipient, subject, body, attachment_name, attachment_type, attachment
                FROM notifications_mail WHERE sent_at IS NULL AND attempts < ?
                ORDER BY created_at LIMIT 50 FOR UPDATE SKIP LOCKED""")
                .param(MAX_ATTEMPTS)
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getString("attachment_name"),
                        rs.getString("attachment_type"), rs.getBytes("attachment")))
                .list();
        int sent = 0;
        for (var mail : pending) {
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
                jdbc.sql("UPDATE notifications_mail SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
                        .params(Timestamp.from(clock.instant()), mail.id()).update();
                sent++;
            } catch (MailException | MessagingException e) {
                log.warn("Mail {} to {} not delivered: {}", mail.id(), mail.recipient(), e.getMessage());
                fail(mail.id(), e.getMessage());
            }
        }
        return sent;
    }

    private void fail(UUID id, String error) {
        var message = error == null ? "unbekannter Fehler" : error;
        jdbc.sql("UPDATE notifications_mail SET attempts = attempts + 1, last_error = ? WHERE id = ?")
                .params(message.length() > 1000 ? message.substring(0, 1000) : message, id).update();
    }

    private record Pending(UUID id, String recipient, String subject, String body, String attachmentName,
            String attachmentType, byte[] attachment) {
    }
}
