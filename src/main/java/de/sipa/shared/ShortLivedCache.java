package de.sipa.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps what every public request reads but hardly ever changes (a partnership's categories, its districts) in
 * memory for a short time. A change on this instance drops the entry at once; until the changing transaction has
 * ended, the key is read from the database every time and nothing is kept for it (so neither an uncommitted nor a
 * rolled-back state is seen by others), and a value whose loading overlapped a change is not kept either. A change
 * made by another instance is seen once the entry is older than the time to live.
 */
public final class ShortLivedCache<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Keys changed by transactions that have not ended yet, with how many. */
    private final Map<K, Integer> changing = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long timeToLiveNanos;
    private final LongSupplier nanoTime;

    public ShortLivedCache(Duration timeToLive) {
        this(timeToLive, System::nanoTime);
    }

    ShortLivedCache(Duration timeToLive, LongSupplier nanoTime) {
        this.timeToLiveNanos = timeToLive.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The value kept for the key if it is younger than the time to live; otherwise loaded (and kept). */
    public V get(K key, Function<K, V> loader) {
        var now = nanoTime.getAsLong();
        var entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < timeToLiveNanos) {
            return entry.value();
        }
        var before = generation.get();
        var value = loader.apply(key);
        if (timeToLiveNanos > 0 && generation.get() == before && !changing.containsKey(key)) {
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }

    /** Drops the key now; inside a transaction, keeps nothing for it until the transaction has ended. */
    public void changed(K key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            changing.merge(key, 1, Integer::sum);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changing.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
                    drop(key);
                }
            });
        }
        drop(key);
    }

    /** Drops everything, e.g. after data was restored from a backup. */
    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    private void drop(K key) {
        generation.incrementAndGet();
        entries.remove(key);
    }
}
