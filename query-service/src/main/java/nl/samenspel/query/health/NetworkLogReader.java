package nl.samenspel.query.health;

import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.eventstore.StoredEvent;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.kernel.network.NetworkEvent;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a network's log straight from the event store (exact stream-key lookups) as the health model's entries. */
@Component
public class NetworkLogReader {
    private final MongoEventStorageEngine eventStore;
    private final Serializer serializer;

    public NetworkLogReader(MongoEventStorageEngine eventStore, @Qualifier("eventSerializer") Serializer serializer) {
        this.eventStore = eventStore;
        this.serializer = serializer;
    }

    /** Entries with sequence numbers {@code 0 .. untilExclusive-1} (all of them when negative). */
    public List<LoggedEntry> read(UUID networkId, long untilExclusive) {
        List<LoggedEntry> log = new ArrayList<>();
        eventStore.storedEvents(networkId.toString())
                  .takeWhile(e -> untilExclusive < 0 || e.sequenceNumber() < untilExclusive)
                  .forEach(e -> log.add(entry(e)));
        return log;
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
