package nl.samenspel.query.health;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.eventstore.StoredEvent;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.kernel.network.NetworkEvent;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Reads a network's log straight from the event store (exact stream-key lookups) as the health model's entries. The
 * logs that "as of", "compare", "explain" and the policy read whole are kept for a while: a log only grows at its end,
 * so a later read fetches just the entries logged since, instead of ten years of entries for every request.
 */
@Component
public class NetworkLogReader {
    /** How many entries, over all networks, the kept logs may hold. */
    private static final long KEPT_ENTRIES = 200_000;

    private final MongoEventStorageEngine eventStore;
    private final Serializer serializer;
    private final Cache<UUID, List<LoggedEntry>> kept = Caffeine.newBuilder()
            .maximumWeight(KEPT_ENTRIES).<UUID, List<LoggedEntry>>weigher((id, log) -> log.size())
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    public NetworkLogReader(MongoEventStorageEngine eventStore, @Qualifier("eventSerializer") Serializer serializer) {
        this.eventStore = eventStore;
        this.serializer = serializer;
    }

    /**
     * The whole log as committed now: the kept copy with the entries logged since it was read, or all of it read
     * afresh. The answer is never changed afterwards (a later read makes a new list).
     */
    public List<LoggedEntry> all(UUID networkId) {
        List<LoggedEntry> before = kept.getIfPresent(networkId);
        long from = before == null ? 0 : before.size();
        List<LoggedEntry> since = new ArrayList<>();
        eventStore.storedEvents(networkId.toString(), from).forEach(e -> since.add(entry(e)));
        if (before != null && since.isEmpty()) {
            return before;
        }
        List<LoggedEntry> log = new ArrayList<>((int) from + since.size());
        if (before != null) {
            log.addAll(before);
        }
        log.addAll(since);
        List<LoggedEntry> result = Collections.unmodifiableList(log);
        // Two reads racing keep the longer log; a shorter one never replaces what another read already saw.
        kept.asMap().merge(networkId, result, (old, fresh) -> fresh.size() >= old.size() ? fresh : old);
        return result;
    }

    /** Entries with sequence numbers {@code 0 .. untilExclusive-1} (all of them when negative). */
    public List<LoggedEntry> read(UUID networkId, long untilExclusive) {
        List<LoggedEntry> log = new ArrayList<>();
        eventStore.storedEvents(networkId.toString())
                  .takeWhile(e -> untilExclusive < 0 || e.sequenceNumber() < untilExclusive)
                  .forEach(e -> log.add(entry(e)));
        return log;
    }

    /** Whether the network's log holds a committed entry with that sequence number (one exact-key lookup). */
    public boolean has(UUID networkId, long sequence) {
        return !eventStore.readStoredEvents(networkId.toString(), sequence, 1).isEmpty();
    }

    public List<StoredEvent> stored(UUID networkId) {
        return eventStore.storedEvents(networkId.toString()).toList();
    }

    LoggedEntry entry(StoredEvent stored) {
        NetworkEvent event = serializer.deserialize(new SimpleSerializedObject<>(
                stored.payload(), String.class, new SimpleSerializedType(stored.payloadType(), stored.payloadRevision())));
        return new LoggedEntry(stored.eventId(), stored.sequenceNumber(), Instant.parse(stored.timestamp()), event);
    }
}
