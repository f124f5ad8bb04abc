package de.sipa.responsibilities;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Partnerships;
import de.sipa.shared.PartnershipId;

/**
 * Keeps each partnership's matrix computed in memory for {@code whoLeads}. Dropped after a local change once it
 * is committed, and after a change by another instance, which a short poll of the change log notices.
 */
@Component
class MatrixLookup {

    private record Cached(MatrixIndex index, long change) {
    }

    private final MatrixRepository repository;
    private final Partnerships partnerships;
    private final Clock clock;
    private final Map<PartnershipId, Cached> cache = new ConcurrentHashMap<>();
    private final Map<TopicId, PartnershipId> partnershipOfTopic = new ConcurrentHashMap<>();

    MatrixLookup(MatrixRepository repository, Partnerships partnerships, Clock clock) {
        this.repository = repository;
        this.partnerships = partnerships;
        this.clock = clock;
    }

    Leadership whoLeads(TopicId topic, DistrictId district, Instant at) {
        var partnership = partnershipOfTopic.computeIfAbsent(topic,
                t -> repository.partnershipOf(t).orElse(null));
        if (partnership == null) {
            partnershipOfTopic.remove(topic);
            return Leadership.NOBODY;
        }
        return index(partnership).whoLeads(topic, district, at);
    }

    MatrixIndex index(PartnershipId partnership) {
        return cache.computeIfAbsent(partnership, this::build).index();
    }

    private Cached build(PartnershipId partnership) {
        long change = repository.latestChanges().getOrDefault(partnership.value(), 0L);
        var matrix = CurrentUser.runAs(SipaUser.system(partnership), () -> new Matrix(clock.instant(),
                repository.topics(partnership), partnerships.districts(), repository.timeWindows(partnership),
                repository.entries(partnership, null)));
        return new Cached(new MatrixIndex(matrix, clock.getZone()), change);
    }

    @TransactionalEventListener
    void on(MatrixChanged changed) {
        cache.remove(changed.partnership());
    }

    // No @SchedulerLock: each instance keeps its own cache and must drop what changed elsewhere itself.
    @Scheduled(fixedDelayString = "${sipa.responsibilities.refresh:PT5S}")
    void dropWhatChangedElsewhere() {
        if (cache.isEmpty()) {
            return;
        }
        var latest = repository.latestChanges();
        cache.entrySet().removeIf(e -> latest.getOrDefault(e.getKey().value(), 0L) != e.getValue().change());
    }
}
