package nl.samenspel.query.health;

import nl.samenspel.health.HealthModel;
import nl.samenspel.health.IncrementalHealth;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.kernel.network.NetworkEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the monthly health of every network current as events arrive. Events of a processing batch are collected per
 * network and each touched network is recomputed once per batch, from the earliest month the batch can change
 * (back-dated entries and corrections included), so a replay does not recompute a network for every event.
 */
@Component
@ProcessingGroup(HealthProjection.PROCESSOR)
public class HealthProjection {
    public static final String PROCESSOR = "health";
    private static final String BATCH = HealthProjection.class.getName() + ".batch";

    private final NetworkLogReader logs;
    private final HealthStore store;
    private final Clock clock;
    private final HealthModel model = HealthModel.standard();
    private final Map<UUID, NetworkHealth> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, NetworkHealth> eldest) {
            return size() > 500;
        }
    });

    /** A network's incremental health and the last sequence number folded into it. */
    static final class NetworkHealth {
        final IncrementalHealth health;
        long lastSequence = -1;

        NetworkHealth(IncrementalHealth health) {
            this.health = health;
        }
    }

    public HealthProjection(NetworkLogReader logs, HealthStore store, Clock clock) {
        this.logs = logs;
        this.store = store;
        this.clock = clock;
    }

    @EventHandler
    void on(NetworkEvent event, DomainEventMessage<?> message) {
        LoggedEntry entry = new LoggedEntry(message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp(), event);
        if (!CurrentUnitOfWork.isStarted()) {
            apply(event.networkId(), List.of(entry));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<UUID, List<LoggedEntry>> batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            Map<UUID, List<LoggedEntry>> perNetwork = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(u -> perNetwork.forEach(this::apply));
            return perNetwork;
        });
        batch.computeIfAbsent(event.networkId(), id -> new ArrayList<>()).add(entry);
    }

    @ResetHandler
    void reset() {
        cache.clear();
        store.dropAll();
    }

    /** Folds a network's new entries in, rebuilding from the event store when this instance has not seen it yet. */
    void apply(UUID networkId, List<LoggedEntry> entries) {
        synchronized (lockFor(networkId)) {
            NetworkHealth state = cache.get(networkId);
            long first = entries.get(0).sequence();
            List<LoggedEntry> fresh = entries.stream().filter(e -> state == null || e.sequence() > state.lastSequence).toList();
            if (fresh.isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.now(clock);
            YearMonth from;
            NetworkHealth current = state;
            if (current == null || current.lastSequence != fresh.get(0).sequence() - 1) {
                current = new NetworkHealth(new IncrementalHealth(model));
                List<LoggedEntry> before = first > 0 ? logs.read(networkId, fresh.get(0).sequence()) : List.of();
                List<LoggedEntry> all = new ArrayList<>(before);
                all.addAll(fresh);
                current.health.add(all, today);
                from = null;
                cache.put(networkId, current);
            } else {
                from = current.health.add(fresh, today);
            }
            current.lastSequence = fresh.get(fresh.size() - 1).sequence();
            store.save(networkId, current.health.months(), from, current.lastSequence, today);
        }
    }

    /** Brings a network up to today when time moved on without new entries (a new month, windows sliding). */
    void refresh(UUID networkId, LocalDate today) {
        synchronized (lockFor(networkId)) {
            NetworkHealth current = cache.get(networkId);
            if (current == null) {
                current = new NetworkHealth(new IncrementalHealth(model));
                List<LoggedEntry> log = logs.read(networkId, -1);
                if (log.isEmpty()) {
                    return;
                }
                current.health.add(log, today);
                current.lastSequence = log.get(log.size() - 1).sequence();
                cache.put(networkId, current);
                store.save(networkId, current.health.months(), null, current.lastSequence, today);
                return;
            }
            YearMonth from = current.health.add(List.of(), today);
            store.save(networkId, current.health.months(), from, current.lastSequence, today);
        }
    }

    private static Object lockFor(UUID networkId) {
        return ("health-lock:" + networkId).intern();
    }
}
