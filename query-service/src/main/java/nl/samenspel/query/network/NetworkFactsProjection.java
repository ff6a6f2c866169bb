package nl.samenspel.query.network;

import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.query.facts.EffectiveHistory;
import nl.samenspel.query.facts.FactsSnapshot;
import nl.samenspel.query.facts.LoggedEntry;
import nl.samenspel.query.facts.NetworkFacts;
import nl.samenspel.query.network.NetworkFactsStore.StoredFacts;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the facts read model ({@link NetworkFactsStore}) current: folds each network's entries into {@link NetworkFacts}.
 *
 * <p>An ordinary entry is added to the facts so far. A correction or retraction can change any earlier entry, so the
 * facts are then folded again from the network's log up to and including it, read from the event store by exact
 * stream keys; the same happens when an entry arrives that does not follow the last one folded (a read model that
 * was lost or is behind), so the facts never skip an entry. Events of one network arrive in order (the processor is
 * sequenced per network); one that was already folded in, as after a crash between the read-model write and the
 * token update, is recognised by its sequence number and skipped.
 *
 * <p>The facts of a busy network are large, so a batch of events is folded in memory and each network touched is
 * written once, when the batch commits (before its token is stored), and then only the lists the batch changed
 * ({@link NetworkFactsStore}). Reading and rewriting all the facts for every event made a replay of a network of a few
 * thousand entries take minutes.
 */
@Component
@ProcessingGroup(NetworkFactsProjection.PROCESSOR)
public class NetworkFactsProjection {
    public static final String PROCESSOR = "network-facts";
    private static final String BATCH = NetworkFactsProjection.class.getName() + ".batch";

    private final NetworkFactsStore store;
    private final MongoEventStorageEngine eventStore;
    /**
     * The facts this instance last stored for a network, to go on from without reading them back: only while the
     * stored head still names the same last entry (another instance may have gone on since). Bounded by the entries
     * the copies hold.
     */
    private final Cache<UUID, Kept> kept;

    /** Facts as stored by this instance, and up to which entry. */
    private record Kept(long lastSequence, Instant lastRecordedAt, FactsSnapshot facts) {
    }

    @Autowired
    public NetworkFactsProjection(NetworkFactsStore store, MongoEventStorageEngine eventStore,
                                  @Value("${samenspel.facts.kept-entries:200000}") long keptEntries) {
        this.store = store;
        this.eventStore = eventStore;
        this.kept = Caffeine.newBuilder().maximumWeight(keptEntries)
                            .weigher((UUID id, Kept k) -> (int) Math.min(Integer.MAX_VALUE, Math.max(1, k.facts().effectiveEntries())))
                            .build();
    }

    public NetworkFactsProjection(NetworkFactsStore store, MongoEventStorageEngine eventStore) {
        this(store, eventStore, 200_000);
    }

    /** One network's facts as far as folded in the current batch. */
    private static final class Folding {
        private final UUID networkId;
        private NetworkFacts facts;
        private long lastSequence;
        private Instant lastRecordedAt;
        /** The facts as the store holds them, to write only the lists that changed; null when not known. */
        private FactsSnapshot saved;
        private boolean changed;

        private Folding(UUID networkId, NetworkFacts facts, long lastSequence, Instant lastRecordedAt,
                        FactsSnapshot saved) {
            this.networkId = networkId;
            this.facts = facts;
            this.lastSequence = lastSequence;
            this.lastRecordedAt = lastRecordedAt;
            this.saved = saved;
        }
    }

    @EventHandler
    void on(NetworkEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant recordedAt) {
        boolean inBatch = CurrentUnitOfWork.isStarted();
        Map<UUID, Folding> batch = inBatch ? currentBatch() : new HashMap<>();
        Folding folding = batch.computeIfAbsent(event.networkId(), this::load);
        if (sequence <= folding.lastSequence) {
            return;
        }
        if (EffectiveHistory.isCorrection(event) || sequence != folding.lastSequence + 1) {
            folding.facts = NetworkFacts.fold(log(folding.networkId, sequence));
        } else {
            folding.facts.apply(eventId, event);
        }
        folding.lastSequence = sequence;
        folding.lastRecordedAt = recordedAt;
        folding.changed = true;
        if (!inBatch) {
            write(batch);
        }
    }

    @ResetHandler
    void reset() {
        kept.invalidateAll();
        store.dropAll();
    }

    private Map<UUID, Folding> currentBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Map<UUID, Folding> batch = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(committing -> write(batch));
            return batch;
        });
    }

    /**
     * The facts to go on from. A save that was cut short between its parts and its head left lists that already hold
     * entries past the head; going on from them would fold those entries in twice, so the facts are folded again from
     * the log up to the head, and the next save writes every list.
     */
    private Folding load(UUID networkId) {
        Kept copy = kept.getIfPresent(networkId);
        if (copy != null && store.lastSequence(networkId).orElse(Long.MIN_VALUE) == copy.lastSequence()) {
            return new Folding(networkId, NetworkFacts.restore(copy.facts()), copy.lastSequence(), copy.lastRecordedAt(),
                               copy.facts());
        }
        return store.load(networkId).map(loaded -> {
            StoredFacts s = loaded.stored();
            if (loaded.cutShort()) {
                return new Folding(networkId, NetworkFacts.fold(log(networkId, s.lastSequence())), s.lastSequence(),
                                   s.lastRecordedAt(), null);
            }
            return new Folding(networkId, NetworkFacts.restore(s.facts()), s.lastSequence(), s.lastRecordedAt(),
                               loaded.inParts() ? s.facts() : null);
        }).orElseGet(() -> new Folding(networkId, NetworkFacts.empty(), -1, null, null));
    }

    private void write(Map<UUID, Folding> batch) {
        for (Folding folding : batch.values()) {
            if (folding.changed) {
                FactsSnapshot facts = folding.facts.snapshot();
                try {
                    store.save(new StoredFacts(folding.networkId, folding.lastSequence, folding.lastRecordedAt, facts),
                               folding.saved);
                } catch (RuntimeException e) {
                    kept.invalidate(folding.networkId);
                    throw e;
                }
                folding.saved = facts;
                folding.changed = false;
                kept.put(folding.networkId, new Kept(folding.lastSequence, folding.lastRecordedAt, facts));
            }
        }
    }
    /** The network's entries from the first up to and including {@code lastSequence}, in log order. */
    private List<LoggedEntry> log(UUID networkId, long lastSequence) {
        List<LoggedEntry> log = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(networkId.toString(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() > lastSequence) {
                break;
            }
            if (message.getPayload() instanceof NetworkEvent event) {
                log.add(new LoggedEntry(message.getIdentifier(), event));
            }
        }
        return log;
    }
}
