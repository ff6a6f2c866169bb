package nl.samenspel.query.health;

import nl.samenspel.health.HealthModel;
import nl.samenspel.health.IncrementalHealth;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.kernel.network.NetworkEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Keeps the monthly health of every network current as events arrive. Events of a processing batch are collected per
 * network and each touched network is recomputed once per batch, from the earliest month the batch can change
 * (back-dated entries and corrections included), so a replay does not recompute a network for every event.
 *
 * <p>Several query-service instances share the work by segments, and a network's segment can move from one to another
 * (an instance stops, starts, or loses its claim in the middle of a batch). Each instance keeps a copy of the health
 * of the networks it computed, which goes stale once another instance folds newer entries. Every write therefore
 * carries the {@link HealthVersion} it was computed at and is refused where newer health is stored; the copy that was
 * refused is dropped, and rebuilt from the log should this instance compute the network again.
 * {@link HealthRefresher} also drops copies of networks whose segment this instance no longer holds.
 */
@Component
@ProcessingGroup(HealthProjection.PROCESSOR)
public class HealthProjection {
    public static final String PROCESSOR = "health";
    private static final Logger log = LoggerFactory.getLogger(HealthProjection.class);
    private static final String BATCH = HealthProjection.class.getName() + ".batch";

    private final NetworkLogReader logs;
    private final HealthStore store;
    private final Clock clock;
    private final Duration livePause;
    private final HealthModel model = HealthModel.standard();
    private final Map<UUID, NetworkHealth> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, NetworkHealth> eldest) {
            return size() > 500;
        }
    });
    /**
     * Replayed entries of networks whose log goes on beyond the batch, not folded yet: the batch that delivers the
     * rest folds them with it, so a replay computes and writes a network once rather than once per batch. Bounded
     * like the copies; an entry dropped from here (or lost with the instance) is read back from the log when the
     * network is computed, as for a network this instance has no copy of.
     */
    private final Map<UUID, List<LoggedEntry>> deferred = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, List<LoggedEntry>> eldest) {
            return size() > 500;
        }
    });

    /** A batch's entries per network, and the networks of which it delivered an entry that is not replayed. */
    private record Batch(Map<UUID, List<LoggedEntry>> entries, Set<UUID> live) {
    }

    /**
     * A network's incremental health and the last sequence number folded into it; and the months as this copy last
     * stored them, with that version, so the next store can leave out the months that came out the same.
     */
    static final class NetworkHealth {
        final IncrementalHealth health;
        long lastSequence = -1;
        HealthVersion savedVersion;
        Map<YearMonth, MonthHealth> savedMonths = Map.of();

        NetworkHealth(IncrementalHealth health) {
            this.health = health;
        }

        /**
         * The months from {@code from} on that equal what this copy stored, provided what is stored now ({@code read})
         * is still what it stored; otherwise none, and every month from {@code from} on is written.
         */
        Set<YearMonth> unchangedSince(Document read, YearMonth from) {
            if (from == null || savedVersion == null || !savedVersion.equals(HealthVersion.of(read))) {
                return Set.of();
            }
            Set<YearMonth> unchanged = new HashSet<>();
            for (MonthHealth month : health.months()) {
                if (!month.month().isBefore(from) && month.equals(savedMonths.get(month.month()))) {
                    unchanged.add(month.month());
                }
            }
            return unchanged;
        }

        void saved(HealthVersion version) {
            savedVersion = version;
            Map<YearMonth, MonthHealth> months = new HashMap<>();
            health.months().forEach(month -> months.put(month.month(), month));
            savedMonths = months;
        }
    }

    public HealthProjection(NetworkLogReader logs, HealthStore store, Clock clock) {
        this(logs, store, clock, Duration.ZERO);
    }

    /**
     * With {@code livePause} ({@code samenspel.health.live-pause}): how long a segment waits after a batch that held
     * live entries before it takes the next. Under a steady stream of entries a batch otherwise held one or two, and a
     * busy network was computed again for nearly every entry (a quarter of the platform's CPU with eight clients
     * logging back-dated entries). An entry after a quiet spell is computed at once; under steady load health shows an
     * entry up to the pause later.
     */
    @Autowired
    public HealthProjection(NetworkLogReader logs, HealthStore store, Clock clock,
                            @Value("${samenspel.health.live-pause:200ms}") Duration livePause) {
        if (livePause.isNegative()) {
            throw new IllegalArgumentException("samenspel.health.live-pause must not be negative: " + livePause);
        }
        this.logs = logs;
        this.store = store;
        this.clock = clock;
        this.livePause = livePause;
    }

    private void pause() {
        try {
            Thread.sleep(livePause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @EventHandler
    void on(NetworkEvent event, DomainEventMessage<?> message, ReplayStatus replayStatus) {
        LoggedEntry entry = new LoggedEntry(message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp(), event);
        if (!CurrentUnitOfWork.isStarted()) {
            apply(event.networkId(), List.of(entry));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch perNetwork = new Batch(new LinkedHashMap<>(), new HashSet<>());
            unitOfWork.onPrepareCommit(u -> perNetwork.entries().forEach(
                    (networkId, entries) -> applyOrDefer(networkId, entries, !perNetwork.live().contains(networkId))));
            // After the batch, once its token is stored and the processor's position moved on (so readers waiting
            // for it are answered): the segment waits before it takes its next batch, which then holds what arrived
            // meanwhile, and each network is computed once for all of it. (Clean-up also follows a batch that failed:
            // it then waits before the batch is tried again.)
            unitOfWork.onCleanup(u -> {
                if (!perNetwork.live().isEmpty() && !livePause.isZero()) {
                    pause();
                }
            });
            return perNetwork;
        });
        batch.entries().computeIfAbsent(event.networkId(), id -> new ArrayList<>()).add(entry);
        if (!replayStatus.isReplay()) {
            batch.live().add(event.networkId());
        }
    }

    @ResetHandler
    void reset() {
        cache.clear();
        deferred.clear();
        store.dropAll();
    }

    /**
     * {@link #apply}, except that during a replay the entries of a network whose log goes on beyond them are kept
     * for the batch that delivers the rest. Only replayed entries are held back: they lie before the position the
     * processor was reset at, so the rest of their log is committed and will be delivered. Live entries are folded
     * and stored with the batch that delivers them, as readers waiting for their position expect.
     */
    void applyOrDefer(UUID networkId, List<LoggedEntry> entries, boolean replayed) {
        synchronized (lockFor(networkId)) {
            List<LoggedEntry> held = deferred.remove(networkId);
            List<LoggedEntry> all = entries;
            if (held != null && held.get(held.size() - 1).sequence() + 1 == entries.get(0).sequence()) {
                all = new ArrayList<>(held);
                all.addAll(entries);
            }
            long last = all.get(all.size() - 1).sequence();
            if (replayed && logs.has(networkId, last + 1)) {
                deferred.put(networkId, all);
                return;
            }
            apply(networkId, all);
        }
    }

    /**
     * Folds a network's new entries in, rebuilding from the event store when this instance has not seen it yet or its
     * copy is older than the stored health. Entries the stored health already includes (folded by another instance,
     * or by the refresh job, which reads the log ahead of the processor) are not folded again.
     */
    void apply(UUID networkId, List<LoggedEntry> entries) {
        synchronized (lockFor(networkId)) {
            Document read = store.network(networkId);
            HealthVersion stored = HealthVersion.of(read);
            NetworkHealth cached = copyNotOlderThan(networkId, stored);
            if (cached == null && stored != null && stored.lastSequence() >= entries.get(entries.size() - 1).sequence()) {
                return;
            }
            NetworkHealth state = cached;
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
            save(networkId, current, from, today, read);
        }
    }

    /**
     * Brings a network up to today when time moved on without new entries (a new month, windows sliding); run in the
     * background by {@link HealthRefresher}, never for a read. A copy older than the stored health is rebuilt from the
     * log first. Answers whether health was stored (false when there is no log, or newer health was stored meanwhile).
     */
    boolean refresh(UUID networkId, LocalDate today) {
        synchronized (lockFor(networkId)) {
            Document read = store.network(networkId);
            NetworkHealth current = copyNotOlderThan(networkId, HealthVersion.of(read));
            if (current == null) {
                current = new NetworkHealth(new IncrementalHealth(model));
                List<LoggedEntry> history = logs.read(networkId, -1);
                if (history.isEmpty()) {
                    return false;
                }
                current.health.add(history, today);
                current.lastSequence = history.get(history.size() - 1).sequence();
                cache.put(networkId, current);
                return save(networkId, current, null, today, read);
            }
            YearMonth from = current.health.add(List.of(), today);
            return save(networkId, current, from, today, read);
        }
    }

    /** This instance's copy of a network's health, unless newer health is stored: then the copy is dropped. */
    private NetworkHealth copyNotOlderThan(UUID networkId, HealthVersion stored) {
        NetworkHealth cached = cache.get(networkId);
        if (cached != null && stored != null && stored.lastSequence() > cached.lastSequence) {
            cache.remove(networkId);
            return null;
        }
        return cached;
    }

    /** Drops the copies of the networks this instance no longer computes. */
    void forgetUnless(Predicate<UUID> computedHere) {
        synchronized (cache) {
            cache.keySet().removeIf(networkId -> !computedHere.test(networkId));
        }
        synchronized (deferred) {
            deferred.keySet().removeIf(networkId -> !computedHere.test(networkId));
        }
    }

    /** Whether this instance holds a copy of the network's health (for tests and diagnostics). */
    boolean holds(UUID networkId) {
        return cache.containsKey(networkId);
    }

    /** Stores a copy, going on from the network's document as {@code read} before it was computed. */
    private boolean save(UUID networkId, NetworkHealth current, YearMonth from, LocalDate today, Document read) {
        HealthVersion version = new HealthVersion(current.lastSequence, today);
        if (store.save(networkId, current.health.months(), from, current.unchangedSince(read, from), version, read)) {
            current.saved(version);
            return true;
        }
        // Another instance stored newer health: this copy is stale and would only be refused again.
        cache.remove(networkId);
        log.debug("Health of network {} at {} not stored: newer health is stored; dropped this instance's copy",
                  networkId, version);
        return false;
    }

    /**
     * The monitor every computation of a network's health holds (for the processor's batches and for
     * {@link HealthRefresher}'s runs alike): one network is computed by one thread at a time. (Holding it from outside stalls the network's segment, as operations tests do
     * to show that a stalled segment is reported.)
     */
    public static Object lockFor(UUID networkId) {
        return ("health-lock:" + networkId).intern();
    }
}
