package de.sipa.notifications;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The demo's mail goes nowhere: no server is asked, yet a message that could not be sent fails as it would. */
class DemoMailSinkTests {

    private final DemoMailSink sink = new DemoMailSink();

    @Test
    void aMailWithAnAttachmentIsWrittenOutAndDroppedWithoutAnyServer() throws Exception {
        // No host is set: JavaMailSenderImpl would connect to localhost:25; the sink connects to nothing.
        var message = sink.createMimeMessage();
        var helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("sipa@localhost");
        helper.setTo("leitung@musterstadt.example");
        helper.setSubject("Einladung – Lenkungsgruppe");
        helper.setText("Guten Tag, äöü");
        helper.addAttachment("einladung.ics", new ByteArrayResource("BEGIN:VCALENDAR".getBytes()), "text/calendar");
        assertThatCode(() -> sink.send(message)).doesNotThrowAnyException();
        assertThatCode(sink::testConnection).doesNotThrowAnyException();
    }

    @Test
    void aMessageThatCannotBeWrittenFailsLikeASentOne() {
        var broken = new MimeMessage(sink.getSession()) {
            @Override
            public void writeTo(java.io.OutputStream out) throws java.io.IOException {
                throw new java.io.IOException("broken");
            }
        };
        assertThatThrownBy(() -> sink.send(broken)).isInstanceOf(MailException.class);
    }
}
