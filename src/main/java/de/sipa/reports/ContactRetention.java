package de.sipa.reports;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long reporters' contact data are kept after their report was closed ({@code sipa.reports.contact-retention},
 * default 90 days): the nightly job deletes them then, and the form and the privacy notice say so. Templates ask it
 * as {@code ${@contactRetention.days()}}.
 */
@Component("contactRetention")
public class ContactRetention {

    private final Duration period;

    ContactRetention(@Value("${sipa.reports.contact-retention:P90D}") Duration period) {
        this.period = period;
    }

    public Duration period() {
        return period;
    }

    /** The period in whole days, rounded up: what citizens are told. */
    public long days() {
        var days = period.toDays();
        return period.equals(Duration.ofDays(days)) ? days : days + 1;
    }
}
