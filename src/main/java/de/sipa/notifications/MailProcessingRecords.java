package de.sipa.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** The mail outbox, for the records of processing. */
@Component
class MailProcessingRecords implements ProcessingRecords {

    private final Duration retention;

    MailProcessingRecords(@Value("${sipa.mail.retention:P90D}") Duration retention) {
        this.retention = retention;
    }

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("mails", Set.of("notifications_mail"), List.of(retention.toDays())));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of();
    }
}
