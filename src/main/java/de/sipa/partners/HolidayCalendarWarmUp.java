package de.sipa.partners;

import java.time.Clock;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import de.sipa.shared.FederalState;
import de.sipa.shared.PublicHolidays;

/**
 * Reads the holiday calendar once SiPa has started, in the background: the first read takes a few seconds (the
 * library parses its calendar files), which would otherwise delay the first report's deadline.
 */
@Component
class HolidayCalendarWarmUp {

    private final Clock clock;

    HolidayCalendarWarmUp(Clock clock) {
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        var year = clock.instant().atZone(clock.getZone()).getYear();
        var thread = new Thread(() -> PublicHolidays.of(FederalState.BW).in(year), "holiday-calendar-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
