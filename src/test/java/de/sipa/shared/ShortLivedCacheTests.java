package de.sipa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ShortLivedCacheTests {

    final AtomicLong now = new AtomicLong(1_000);
    final AtomicInteger loads = new AtomicInteger();
    final ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ofSeconds(5), now::get);

    String value = "alt";

    String read() {
        return cache.get("k", key -> {
            loads.incrementAndGet();
            return value;
        });
    }

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aValueIsKeptForItsTimeToLiveSoAnotherInstancesChangeIsSeenAfterIt() {
        assertThat(read()).isEqualTo("alt");
        value = "neu";   // changed elsewhere
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(read()).isEqualTo("alt");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(read()).isEqualTo("neu");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aChangeHereIsSeenAtOnce() {
        read();
        value = "neu";
        cache.changed("k");
        assertThat(read()).isEqualTo("neu");
    }

    @Test
    void whileTheChangingTransactionRunsNothingIsKeptAndItsEndDropsTheKeyAgain() {
        read();
        TransactionSynchronizationManager.initSynchronization();
        value = "uncommitted";
        cache.changed("k");
        assertThat(read()).isEqualTo("uncommitted");
        value = "alt";   // rolled back
        assertThat(read()).as("nothing kept while the change is open").isEqualTo("alt");
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        var before = loads.get();
        read();
        read();
        assertThat(loads.get() - before).as("kept again after the transaction").isEqualTo(1);
    }

    @Test
    void aValueLoadedWhileAChangeHappenedIsNotKept() {
        var overlapping = cache.get("k", key -> {
            cache.changed("k");
            return "veraltet";
        });
        assertThat(overlapping).isEqualTo("veraltet");
        assertThat(read()).isEqualTo("alt");
    }
}
