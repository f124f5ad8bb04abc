package de.sipa.notifications;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * In the demo, mail never leaves the machine: each message is written out in full, as it would go to an SMTP
 * server (so a message that could not be sent fails here too), and then dropped. The outbox page shows what was
 * sent. Production names its mail server with {@code spring.mail.host}; the tests have an SMTP server of their own.
 */
@Component
@Profile("demo")
class DemoMailSink extends JavaMailSenderImpl {

    private static final Logger log = LoggerFactory.getLogger(DemoMailSink.class);

    DemoMailSink() {
        setDefaultEncoding("UTF-8");
    }

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originalMessages) {
        for (var message : messages) {
            try {
                message.saveChanges();
                message.writeTo(OutputStream.nullOutputStream());
                log.debug("Demo: mail to {} not sent ({})", Arrays.toString(message.getAllRecipients()),
                        message.getSubject());
            } catch (MessagingException | IOException e) {
                throw new MailPreparationException(e);
            }
        }
    }

    @Override
    public void testConnection() {
        // Nothing to connect to.
    }
}
