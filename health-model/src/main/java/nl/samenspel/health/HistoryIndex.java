package nl.samenspel.health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The effective history of one timeline, indexed once by business date so that a month sees its prefix and a rule
 * its window by binary search instead of rescanning the whole history every month. Every selection keeps the
 * history's own (business) order, so an answer from the index is exactly what a scan of the history would give.
 * Built per timeline and used by one thread.
 */
final class HistoryIndex {
    private final List<LoggedEntry> effective;
    private final long[] days;
    private final Map<Class<?>, Kind<?>> kinds = new HashMap<>();
    private final Map<String, Map<Object, Kind<?>>> groupings = new HashMap<>();
    /** Made when a kind is first asked for that is not indexed yet. */
    private Map<Class<?>, int[]> byClass;
    private NetworkState state;

    /** The facts of one requested type (its subclasses included), in history order, with their business dates. */
    static final class Kind<T> {
        final List<Fact<T>> facts;
        final List<LoggedEntry> entries;
        private final long[] days;

        private Kind(List<Fact<T>> facts) {
            this(facts, daysOf(facts));
        }

        /** {@code days}: the facts' business days as epoch days, in the same order. */
        private Kind(List<Fact<T>> facts, long[] days) {
            this.facts = Collections.unmodifiableList(facts);
            this.days = days;
            List<LoggedEntry> entries = new ArrayList<>(facts.size());
            for (Fact<T> fact : facts) {
                entries.add(fact.entry());
            }
            this.entries = Collections.unmodifiableList(entries);
        }

        private static long[] daysOf(List<? extends Fact<?>> facts) {
            long[] days = new long[facts.size()];
            for (int i = 0; i < days.length; i++) {
                days[i] = facts.get(i).on().toEpochDay();
            }
            return days;
        }

        /** How many of these facts happened on or before {@code date}. */
        int countUpTo(LocalDate date) {
            return Fact.countUpTo(days, days.length, date.toEpochDay());
        }

        /** The facts with {@code fromExclusive < occurredOn <= toInclusive}. */
        List<Fact<T>> between(LocalDate fromExclusive, LocalDate toInclusive) {
            int from = countUpTo(fromExclusive);
            int to = countUpTo(toInclusive);
            return from >= to ? List.of() : facts.subList(from, to);
        }
    }

    /** @param effective the effective history in business order (by business date, then log order) */
    HistoryIndex(List<LoggedEntry> effective) {
        this.effective = Collections.unmodifiableList(effective);
        this.days = new long[effective.size()];
        dateFrom(0);
    }

    /**
     * This index, extended by {@code appended}: entries that were just added at the end of the very list this index
     * was built on, after everything in it in business order. The state folded so far and the kinds indexed so far
     * carry over (groupings are made again when asked), so entries logged today cost what they add, not an index of
     * the whole history. This index must not be used afterwards.
     */
    HistoryIndex extendedBy(List<LoggedEntry> appended) {
        return new HistoryIndex(this, appended);
    }

    private HistoryIndex(HistoryIndex before, List<LoggedEntry> appended) {
        this.effective = before.effective;
        int old = before.days.length;
        if (effective.size() != old + appended.size()) {
            throw new IllegalArgumentException("The history was not extended by exactly the appended entries");
        }
        this.days = Arrays.copyOf(before.days, effective.size());
        dateFrom(old);
        for (Map.Entry<Class<?>, Kind<?>> cached : before.kinds.entrySet()) {
            kinds.put(cached.getKey(), extended(cached.getValue(), cached.getKey(), appended));
        }
        this.state = before.state;
    }

    /** Fills in the business day of each entry from position {@code first} on, checking the business order. */
    private void dateFrom(int first) {
        for (int i = first; i < days.length; i++) {
            days[i] = effective.get(i).occurredOn().toEpochDay();
            if (i > 0 && days[i] < days[i - 1]) {
                throw new IllegalArgumentException("The effective history is not in business order at " + effective.get(i).eventId());
            }
        }
    }

    private static <T> Kind<T> extended(Kind<T> kind, Class<?> type, List<LoggedEntry> appended) {
        List<Fact<T>> facts = new ArrayList<>(kind.facts);
        for (LoggedEntry entry : appended) {
            if (type.isInstance(entry.event())) {
                @SuppressWarnings("unchecked")
                T event = (T) entry.event();
                facts.add(new Fact<>(entry, event));
            }
        }
        return new Kind<>(facts);
    }

    /** The history up to and including {@code end}. */
    List<LoggedEntry> upTo(LocalDate end) {
        return effective.subList(0, Fact.countUpTo(days, days.length, end.toEpochDay()));
    }

    /**
     * A part of the network state as it stood at the end of {@code end}. The state is folded forward along the
     * history: asked in date order (as months are), each entry is applied once; asked for an earlier date, the fold
     * starts again from the founding.
     */
    <S> S stateAt(NetworkState.Part<S> part, LocalDate end) {
        int to = Fact.countUpTo(days, days.length, end.toEpochDay());
        if (state == null || to < state.applied()) {
            state = new NetworkState(effective, Catalogue.parts());
        }
        state.advanceTo(to);
        return state.get(part);
    }

    /** Every fact of a kind ({@code type.isInstance}, so subclasses and interfaces too), in history order. */
    @SuppressWarnings("unchecked")
    <T> Kind<T> kind(Class<T> type) {
        Kind<T> kind = (Kind<T>) kinds.get(type);
        if (kind == null) {
            // the positions of every class of event that is such a fact, merged back into history order
            int[] positions = new int[0];
            for (Map.Entry<Class<?>, int[]> of : byClass().entrySet()) {
                if (type.isAssignableFrom(of.getKey())) {
                    positions = merged(positions, of.getValue());
                }
            }
            List<Fact<T>> facts = new ArrayList<>(positions.length);
            long[] factDays = new long[positions.length];
            for (int i = 0; i < positions.length; i++) {
                LoggedEntry entry = effective.get(positions[i]);
                facts.add(new Fact<>(entry, (T) entry.event()));
                factDays[i] = days[positions[i]];
            }
            kind = new Kind<>(facts, factDays);
            kinds.put(type, kind);
        }
        return kind;
    }

    /** The positions of the entries of each class of event, in history order: one walk of the history for every kind. */
    private Map<Class<?>, int[]> byClass() {
        if (byClass == null) {
            // one lookup per entry, none while the same class follows itself
            Map<Class<?>, Positions> found = new HashMap<>();
            Class<?> lastType = null;
            Positions last = null;
            for (int i = 0; i < effective.size(); i++) {
                Class<?> type = effective.get(i).event().getClass();
                if (type != lastType) {
                    last = found.computeIfAbsent(type, t -> new Positions());
                    lastType = type;
                }
                last.add(i);
            }
            Map<Class<?>, int[]> positions = new HashMap<>();
            found.forEach((type, of) -> positions.put(type, Arrays.copyOf(of.at, of.count)));
            byClass = positions;
        }
        return byClass;
    }

    /** The positions of one class of event, as they are found. */
    private static final class Positions {
        private int[] at = new int[16];
        private int count;

        void add(int position) {
            if (count == at.length) {
                at = Arrays.copyOf(at, count * 2);
            }
            at[count++] = position;
        }
    }

    private static int[] merged(int[] a, int[] b) {
        if (a.length == 0) {
            return b;
        }
        int[] both = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        for (int k = 0; k < both.length; k++) {
            both[k] = j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++];
        }
        return both;
    }

    /**
     * The facts of a kind grouped under {@code name} by the keys {@code keys} gives each (a fact may fall in several
     * groups, once each), every group in history order; grouped once per timeline.
     */
    @SuppressWarnings("unchecked")
    <T, K> Kind<T> group(String name, Class<T> type, Function<T, Collection<K>> keys, K key) {
        Map<Object, Kind<?>> groups = groupings.get(name);
        if (groups == null) {
            Map<Object, List<Fact<T>>> lists = new HashMap<>();
            for (Fact<T> fact : kind(type).facts) {
                for (K k : new LinkedHashSet<>(keys.apply(fact.event()))) {
                    lists.computeIfAbsent(k, x -> new ArrayList<>()).add(fact);
                }
            }
            groups = new HashMap<>();
            for (Map.Entry<Object, List<Fact<T>>> e : lists.entrySet()) {
                groups.put(e.getKey(), new Kind<>(e.getValue()));
            }
            groupings.put(name, groups);
        }
        Kind<T> group = (Kind<T>) groups.get(key);
        return group == null ? new Kind<>(new ArrayList<>()) : group;
    }
}
