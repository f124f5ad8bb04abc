package de.sipa.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;

@SipaIntegrationTest
class MailRetentionTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Notifications notifications;

    @Autowired
    MailRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void mailsSentLongerAgoThanTheRetentionAreDeletedWithAnAuditEntryWaitingOnesStay() {
        var city = fixtures.city();
        var now = Instant.now();
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            notifications.send(Mail.of(city.id(), "alt@example.org", "Alt", "vor 100 Tagen versandt"));
            notifications.send(Mail.of(city.id(), "neu@example.org", "Neu", "gestern versandt"));
            notifications.send(Mail.of(city.id(), "wartet@example.org", "Wartet", "noch nicht versandt"));
        });
        sent(city, "alt@example.org", now.minus(Duration.ofDays(100)));
        sent(city, "neu@example.org", now.minus(Duration.ofDays(1)));

        retention.deleteSentBefore(now.minus(Duration.ofDays(90)));

        assertThat(jdbc.sql("SELECT recipient FROM notifications_mail WHERE partnership_id = ? ORDER BY recipient")
                .param(city.id().value()).query(String.class).list())
                .containsExactly("neu@example.org", "wartet@example.org");
        assertThat(jdbc.sql("SELECT summary FROM identity_audit_entry WHERE partnership_id = ? AND subject_type = 'Mail'")
                .param(city.id().value()).query(String.class).list())
                .containsExactly("1 versandte E-Mail(s) gelöscht, älter als 90 Tage (Aufbewahrungsfrist)");
    }

    private void sent(Fixtures.City city, String recipient, Instant at) {
        jdbc.sql("UPDATE notifications_mail SET sent_at = ? WHERE partnership_id = ? AND recipient = ?")
                .params(Timestamp.from(at), city.id().value(), recipient).update();
    }
}
