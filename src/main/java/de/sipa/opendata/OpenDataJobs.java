package de.sipa.opendata;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Each night the datasets of every partnership that publishes open data are regenerated, on one node only. */
@Component
class OpenDataJobs {

    private static final Logger log = LoggerFactory.getLogger(OpenDataJobs.class);

    private final OpenDataRepository repository;
    private final OpenData openData;

    OpenDataJobs(OpenDataRepository repository, OpenData openData) {
        this.repository = repository;
        this.openData = openData;
    }

    @Scheduled(cron = "${sipa.opendata.cron:0 30 3 * * *}", zone = "${sipa.time-zone:Europe/Berlin}")
    @SchedulerLock(name = "opendata.regenerate", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void regenerateAll() {
        int done = 0;
        for (var partnership : repository.publishing()) {
            try {
                openData.regenerateAsSystem(partnership);
                done++;
            } catch (RuntimeException e) {
                log.warn("Open data of partnership {} not regenerated", partnership, e);
            }
        }
        log.info("Open data regenerated for {} partnership(s)", done);
    }
}
