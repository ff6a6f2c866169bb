package nl.samenspel.health;

import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.network.NetworkEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The state of one network, folded entry by entry from its effective history in business order: who the partners
 * are and who stands where ({@link Standing}), the contributions, the agreements and the other parts the rules
 * declare ({@link Part}). One walk of the history feeds every part; a month's rules read each part as it stood at the
 * month's last day, a copy taken then that later entries do not change.
 *
 * <p>Months are evaluated in order, so the fold only ever moves forward: the state at the end of one month is where
 * the next month continues. A timeline that starts after months it keeps (a back-dated entry, a correction) applies the
 * history before its first month without evaluating anything; at millions of entries a second that costs milliseconds,
 * which is why no month-end copies are stored between requests. Used by one thread.
 */
public final class NetworkState {

    /**
     * One part of the state, named by its constant: the kinds of entry it reads and how a fold of it starts. Its
     * value at a date is {@link Fold#snapshot()}, read by rules through {@link MonthContext#state(Part)}.
     */
    public static final class Part<S> {
        private final List<Class<?>> kinds;
        private final Supplier<Fold<S>> start;

        private Part(List<? extends Class<?>> kinds, Supplier<Fold<S>> start) {
            this.kinds = List.copyOf(kinds);
            this.start = start;
        }

        public static <S> Part<S> of(List<? extends Class<?>> kinds, Supplier<Fold<S>> start) {
            return new Part<>(kinds, start);
        }

        boolean reads(Class<?> type) {
            for (Class<?> kind : kinds) {
                if (kind.isAssignableFrom(type)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The running fold of one part: entries applied in business order, and an immutable copy of what holds so far. */
    public interface Fold<S> {
        void apply(LoggedEntry entry);

        S snapshot();
    }

    /** Partners, representatives in post and network roles: the definition the command side and the facts use too. */
    public static final Part<Standing> STANDING = Part.of(Standing.Fold.KINDS, () -> new Fold<>() {
        private final Standing.Fold fold = new Standing.Fold();

        @Override
        public void apply(LoggedEntry entry) {
            fold.apply(entry.eventId(), entry.event());
        }

        @Override
        public Standing snapshot() {
            return fold.standing();
        }
    });

    /**
     * A part that keeps the facts of one kind grouped by a key, each group in business order and the groups in the
     * order of their first fact; read-only copies, taken only of the groups that changed since the last one.
     */
    public static <T, K> Part<Map<K, List<Fact<T>>>> grouped(Class<T> type, Function<T, K> key) {
        return Part.of(List.of(type), () -> new Fold<>() {
            private final Map<K, List<Fact<T>>> groups = new HashMap<>();
            private final Map<K, List<Fact<T>>> copies = new LinkedHashMap<>();
            private final Set<K> touched = new HashSet<>();

            @Override
            public void apply(LoggedEntry entry) {
                T event = type.cast(entry.event());
                K k = key.apply(event);
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(new Fact<>(entry, event));
                copies.putIfAbsent(k, List.of());
                touched.add(k);
            }

            @Override
            public Map<K, List<Fact<T>>> snapshot() {
                for (K k : touched) {
                    copies.put(k, List.copyOf(groups.get(k)));
                }
                touched.clear();
                return Collections.unmodifiableMap(new LinkedHashMap<>(copies));
            }
        });
    }

    /**
     * A part that keeps the latest fact of one kind per key, the keys in the order of their first fact; a read-only
     * copy per snapshot.
     */
    public static <T, K> Part<Map<K, Fact<T>>> latest(Class<T> type, Function<T, K> key) {
        return Part.of(List.of(type), () -> new Fold<>() {
            private final Map<K, Fact<T>> latest = new LinkedHashMap<>();

            @Override
            public void apply(LoggedEntry entry) {
                T event = type.cast(entry.event());
                latest.put(key.apply(event), new Fact<>(entry, event));
            }

            @Override
            public Map<K, Fact<T>> snapshot() {
                return Collections.unmodifiableMap(new LinkedHashMap<>(latest));
            }
        });
    }

    private final List<LoggedEntry> effective;
    private final List<Part<?>> parts;
    private final List<Running<?>> running = new ArrayList<>();
    private final Map<Part<?>, Running<?>> byPart = new IdentityHashMap<>();
    private final Map<Class<?>, Running<?>[]> dispatch = new HashMap<>();
    private int applied;

    private static final class Running<S> {
        final Fold<S> fold;
        S snapshot;
        boolean changed = true;

        Running(Part<S> part) {
            this.fold = part.start.get();
        }

        void apply(LoggedEntry entry) {
            fold.apply(entry);
            changed = true;
        }

        S snapshot() {
            if (changed) {
                snapshot = fold.snapshot();
                changed = false;
            }
            return snapshot;
        }
    }

    /** @param effective the effective history in business order; {@code parts} the parts to fold */
    NetworkState(List<LoggedEntry> effective, List<Part<?>> parts) {
        this.effective = effective;
        this.parts = List.copyOf(parts);
        for (Part<?> part : this.parts) {
            Running<?> r = new Running<>(part);
            running.add(r);
            byPart.put(part, r);
        }
    }

    /**
     * The state after the whole of an effective history (in business order), every part of the standard model folded
     * and no month evaluated: what a timeline's months are read from.
     */
    public static NetworkState of(List<LoggedEntry> effective) {
        NetworkState state = new NetworkState(effective, Catalogue.parts());
        state.advanceTo(effective.size());
        return state;
    }

    /** Applies the entries up to (exclusive) position {@code to} of the history; positions already applied stay. */
    void advanceTo(int to) {
        if (to < applied) {
            throw new IllegalStateException("The state of a network only moves forward: at " + applied + ", asked " + to);
        }
        for (; applied < to; applied++) {
            LoggedEntry entry = effective.get(applied);
            for (Running<?> r : readers(entry.event())) {
                r.apply(entry);
            }
        }
    }

    int applied() {
        return applied;
    }

    /** The value of a part after the entries applied so far. */
    @SuppressWarnings("unchecked")
    public <S> S get(Part<S> part) {
        Running<S> r = (Running<S>) byPart.get(part);
        if (r == null) {
            throw new IllegalArgumentException("Not a part of the network state: register it in the catalogue");
        }
        return r.snapshot();
    }

    private Running<?>[] readers(NetworkEvent event) {
        Running<?>[] readers = dispatch.get(event.getClass());
        if (readers == null) {
            List<Running<?>> found = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).reads(event.getClass())) {
                    found.add(running.get(i));
                }
            }
            readers = found.toArray(new Running<?>[0]);
            dispatch.put(event.getClass(), readers);
        }
        return readers;
    }
}
