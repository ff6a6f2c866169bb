package nl.samenspel.health.sharing;

import nl.samenspel.health.Fact;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.NetworkState;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.exchange.Unit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every contribution as it stands at the end of a month: what was recorded, and how its status moved since. */
public final class Contributions {

    /** The contributions as part of the network state, in the order they were recorded. */
    public static final NetworkState.Part<Ledger> STATE = NetworkState.Part.of(
            List.of(ContributionRecorded.class, ContributionStatusChanged.class), LedgerFold::new);

    /**
     * Every contribution so far ({@code all}, in the order of their first record) and those of them that stand
     * pledged ({@code pledged}, in the same order): a few, where {@code all} grows with the history. The ones that
     * stand delivered are also kept by day of delivery, so that a window of deliveries is a range, not a scan of
     * every contribution ever recorded. Equal when {@code all} and {@code pledged} are.
     */
    public static final class Ledger {
        private final List<Contribution> all;
        private final List<Contribution> pledged;
        private final Sorted delivered;

        /** The ledger of these contributions, as a plain definition would give them. */
        public Ledger(List<Contribution> all, List<Contribution> pledged) {
            this(List.copyOf(all), List.copyOf(pledged), Sorted.DELIVERED.with(places(all)));
        }

        private Ledger(List<Contribution> all, List<Contribution> pledged, Sorted delivered) {
            this.all = all;
            this.pledged = pledged;
            this.delivered = delivered;
        }

        public List<Contribution> all() {
            return all;
        }

        public List<Contribution> pledged() {
            return pledged;
        }

        /** The contributions standing delivered with {@code fromExclusive < delivered <= toInclusive}, in the order of their first record. */
        public List<Contribution> deliveredBetween(LocalDate fromExclusive, LocalDate toInclusive) {
            return delivered.between(fromExclusive, toInclusive);
        }

        private static List<Placed> places(List<Contribution> all) {
            List<Placed> placed = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                placed.add(new Placed(i, null, all.get(i)));
            }
            return placed;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ledger other && all.equals(other.all) && pledged.equals(other.pledged);
        }

        @Override
        public int hashCode() {
            return 31 * all.hashCode() + pledged.hashCode();
        }

        @Override
        public String toString() {
            return "Ledger[all=" + all + ", pledged=" + pledged + "]";
        }
    }

    /** A contribution at its place in the ledger, with the one it replaces there (null for a new place). */
    private record Placed(int place, Contribution before, Contribution now) {
    }

    /**
     * The contributions that meet a condition, ordered by a key and then by place in the ledger: those standing
     * delivered by day of delivery, those standing pledged by place alone. Immutable; a new one is made for a snapshot
     * only when a contribution came in, went out or changed.
     */
    private static final class Sorted {
        static final Sorted DELIVERED = new Sorted(c -> c.delivered != null, c -> c.delivered.toEpochDay());
        static final Sorted PLEDGED = new Sorted(c -> c.status() == ContributionStatus.PLEDGED, c -> 0);

        private final java.util.function.Predicate<Contribution> in;
        private final java.util.function.ToLongFunction<Contribution> key;
        private final Contribution[] items;
        private final long[] keys;
        private final int[] places;

        private Sorted(java.util.function.Predicate<Contribution> in, java.util.function.ToLongFunction<Contribution> key) {
            this(in, key, new Contribution[0], new long[0], new int[0]);
        }

        private Sorted(java.util.function.Predicate<Contribution> in, java.util.function.ToLongFunction<Contribution> key,
                       Contribution[] items, long[] keys, int[] places) {
            this.in = in;
            this.key = key;
            this.items = items;
            this.keys = keys;
            this.places = places;
        }

        /** A contribution meeting the condition, with its key and place. */
        private record Keyed(long key, int place, Contribution item) {
            /** Whether it comes after the one with {@code otherKey} at {@code otherPlace} in the index's order. */
            boolean isAfter(long otherKey, int otherPlace) {
                return key > otherKey || (key == otherKey && place > otherPlace);
            }
        }

        /** This index with the contributions at the changed places replaced by what stands there now. */
        Sorted with(List<Placed> changed) {
            java.util.BitSet gone = new java.util.BitSet();
            List<Keyed> added = new ArrayList<>();
            for (Placed p : changed) {
                if (p.before() != null && in.test(p.before())) {
                    gone.set(p.place());
                }
                if (in.test(p.now())) {
                    added.add(new Keyed(key.applyAsLong(p.now()), p.place(), p.now()));
                }
            }
            if (gone.isEmpty() && added.isEmpty()) {
                return this;
            }
            added.sort(java.util.Comparator.comparingLong(Keyed::key).thenComparingInt(Keyed::place));
            int count = added.size();
            int size = items.length - gone.cardinality() + count;
            // the usual month: what came in comes after everything before it, nothing went out
            boolean appended = gone.isEmpty()
                    && (items.length == 0 || added.get(0).isAfter(keys[items.length - 1], places[items.length - 1]));
            if (appended) {
                Contribution[] newItems = java.util.Arrays.copyOf(items, size);
                long[] newKeys = java.util.Arrays.copyOf(keys, size);
                int[] newPlaces = java.util.Arrays.copyOf(places, size);
                for (int a = 0; a < count; a++) {
                    Keyed k = added.get(a);
                    newItems[items.length + a] = k.item();
                    newKeys[items.length + a] = k.key();
                    newPlaces[items.length + a] = k.place();
                }
                return new Sorted(in, key, newItems, newKeys, newPlaces);
            }
            Contribution[] newItems = new Contribution[size];
            long[] newKeys = new long[size];
            int[] newPlaces = new int[size];
            int i = 0;
            int a = 0;
            for (int k = 0; k < size; k++) {
                while (i < items.length && gone.get(places[i])) {
                    i++;
                }
                if (a < count && (i >= items.length || !added.get(a).isAfter(keys[i], places[i]))) {
                    Keyed next = added.get(a);
                    newItems[k] = next.item();
                    newKeys[k] = next.key();
                    newPlaces[k] = next.place();
                    a++;
                } else {
                    newItems[k] = items[i];
                    newKeys[k] = keys[i];
                    newPlaces[k] = places[i];
                    i++;
                }
            }
            return new Sorted(in, key, newItems, newKeys, newPlaces);
        }

        /** Every contribution in the index, in its order (read-only). */
        List<Contribution> all() {
            return java.util.Collections.unmodifiableList(java.util.Arrays.asList(items));
        }

        /** Those with a day key in {@code (fromExclusive, toInclusive]}, in the order of the ledger. */
        List<Contribution> between(LocalDate fromExclusive, LocalDate toInclusive) {
            int from = Fact.countUpTo(keys, keys.length, fromExclusive.toEpochDay());
            int to = Fact.countUpTo(keys, keys.length, toInclusive.toEpochDay());
            if (from >= to) {
                return List.of();
            }
            // back in the order of the ledger: place in the high half, position in the low half of one sort key
            long[] order = new long[to - from];
            for (int k = from; k < to; k++) {
                order[k - from] = ((long) places[k] << 32) | (k - from);
            }
            java.util.Arrays.sort(order);
            Contribution[] window = new Contribution[order.length];
            for (int k = 0; k < order.length; k++) {
                window[k] = items[from + (int) order[k]];
            }
            return List.of(window);
        }
    }

    /**
     * The contributions in ledger order as the fold keeps them: chunks of a fixed size, copied on write once shared,
     * so that a snapshot copies the chunk table and the chunks changed since the last one, not every contribution.
     */
    private static final class Chunks {
        private static final int SHIFT = 6;
        private static final int SIZE = 1 << SHIFT;
        private Contribution[][] chunks = new Contribution[8][];
        private boolean[] owned = new boolean[8];
        private int size;

        int add() {
            int k = size >>> SHIFT;
            if (k == chunks.length) {
                chunks = java.util.Arrays.copyOf(chunks, k * 2);
                owned = java.util.Arrays.copyOf(owned, k * 2);
            }
            if (chunks[k] == null) {
                chunks[k] = new Contribution[SIZE];
                owned[k] = true;
            }
            return size++;
        }

        Contribution get(int place) {
            return chunks[place >>> SHIFT][place & (SIZE - 1)];
        }

        void set(int place, Contribution contribution) {
            int k = place >>> SHIFT;
            if (!owned[k]) {
                chunks[k] = chunks[k].clone();
                owned[k] = true;
            }
            chunks[k][place & (SIZE - 1)] = contribution;
        }

        /** A read-only list of what stands now, which later changes do not reach. */
        List<Contribution> share() {
            java.util.Arrays.fill(owned, false);
            Contribution[][] table = java.util.Arrays.copyOf(chunks, (size + SIZE - 1) >>> SHIFT);
            int length = size;
            return new Shared(table, length);
        }

        private static final class Shared extends java.util.AbstractList<Contribution> implements java.util.RandomAccess {
            private final Contribution[][] table;
            private final int length;

            Shared(Contribution[][] table, int length) {
                this.table = table;
                this.length = length;
            }

            @Override
            public Contribution get(int index) {
                java.util.Objects.checkIndex(index, length);
                return table[index >>> SHIFT][index & (SIZE - 1)];
            }

            @Override
            public int size() {
                return length;
            }
        }
    }

    /** One contribution with its status changes, in business order. */
    public record Contribution(Fact<ContributionRecorded> recorded, List<Fact<ContributionStatusChanged>> changes,
                               LocalDate delivered) {

        Contribution(Fact<ContributionRecorded> recorded, List<Fact<ContributionStatusChanged>> changes) {
            this(recorded, changes, deliveredOn(recorded, changes));
        }

        ContributionRecorded event() {
            return recorded.event();
        }

        UUID from() {
            return recorded.event().fromPartnerId();
        }

        /** The partner it was given to; empty when it was given to the network as a whole. */
        Optional<UUID> to() {
            return Optional.ofNullable(recorded.event().toPartnerId());
        }

        ContributionStatus status() {
            return changes.isEmpty() ? recorded.event().status() : changes.get(changes.size() - 1).event().status();
        }

        /** When it was delivered, if it stands delivered now. */
        Optional<LocalDate> deliveredOn() {
            return Optional.ofNullable(delivered);
        }

        /** The day of the last change to delivered, or of the record itself; null unless it stands delivered. */
        private static LocalDate deliveredOn(Fact<ContributionRecorded> recorded,
                                             List<Fact<ContributionStatusChanged>> changes) {
            ContributionStatus status = changes.isEmpty() ? recorded.event().status()
                    : changes.get(changes.size() - 1).event().status();
            if (status != ContributionStatus.DELIVERED) {
                return null;
            }
            for (int i = changes.size() - 1; i >= 0; i--) {
                if (changes.get(i).event().status() == ContributionStatus.DELIVERED) {
                    return changes.get(i).on();
                }
            }
            return recorded.on();
        }

        boolean pledgedBetween(LocalDate fromExclusive, LocalDate toInclusive) {
            return status() == ContributionStatus.PLEDGED && recorded.on().isAfter(fromExclusive)
                   && !recorded.on().isAfter(toInclusive);
        }

        /** Its value in euros where known: the estimate, or the quantity itself when counted in EUR; else null. */
        BigDecimal eur() {
            if (recorded.event().estimatedValueEur() != null) {
                return recorded.event().estimatedValueEur();
            }
            return recorded.event().unit() == Unit.EUR ? recorded.event().quantity() : null;
        }

        List<String> evidence() {
            if (changes.isEmpty()) {
                return List.of(recorded.id());
            }
            List<String> ids = new ArrayList<>(changes.size() + 1);
            ids.add(recorded.id());
            changes.forEach(c -> ids.add(c.id()));
            return ids;
        }
    }

    private Contributions() {
    }

    /** The contributions that stand pledged at the end of the month, in the order of their first record. */
    public static List<Contribution> pledged(MonthContext month) {
        return month.state(STATE).pledged();
    }

    /**
     * The fold: a contribution is its last {@code ContributionRecorded} (in the place of its first) with every status
     * change of its id so far, also changes dated before the record. Only contributions touched since the last
     * snapshot are built again.
     */
    private static final class LedgerFold implements NetworkState.Fold<Ledger> {
        private final Map<UUID, Fact<ContributionRecorded>> recorded = new HashMap<>();
        private final Map<UUID, List<Fact<ContributionStatusChanged>>> changes = new HashMap<>();
        /** The place of each contribution in the ledger: the order of their first records. */
        private final Map<UUID, Integer> places = new HashMap<>();
        private final Chunks built = new Chunks();
        private Sorted pledged = Sorted.PLEDGED;
        /** The contributions touched since the last snapshot. */
        private final Set<UUID> touched = new LinkedHashSet<>();
        private Sorted delivered = Sorted.DELIVERED;

        @Override
        public void apply(LoggedEntry entry) {
            if (entry.event() instanceof ContributionRecorded r) {
                recorded.put(r.contributionId(), new Fact<>(entry, r));
                places.computeIfAbsent(r.contributionId(), id -> built.add());
                touched.add(r.contributionId());
            } else if (entry.event() instanceof ContributionStatusChanged c) {
                changes.computeIfAbsent(c.contributionId(), id -> new ArrayList<>()).add(new Fact<>(entry, c));
                touched.add(c.contributionId());
            }
        }

        @Override
        public Ledger snapshot() {
            List<Placed> changed = new ArrayList<>();
            for (UUID id : touched) {
                Fact<ContributionRecorded> fact = recorded.get(id);
                if (fact == null) {
                    continue;
                }
                int place = places.get(id);
                Contribution before = built.get(place);
                Contribution contribution = new Contribution(fact, List.copyOf(changes.getOrDefault(id, List.of())));
                built.set(place, contribution);
                changed.add(new Placed(place, before, contribution));
            }
            touched.clear();
            List<Contribution> all = built.share();
            pledged = pledged.with(changed);
            delivered = delivered.with(changed);
            return new Ledger(all, pledged.all(), delivered);
        }
    }

    /** Delivered in the window by a partner still active at the end of the month. */
    static List<Contribution> deliveredWithin(MonthContext month, int windowMonths) {
        return month.derived("contributions.deliveredWithin." + windowMonths, m -> deliveredWithinFold(m, windowMonths));
    }

    private static List<Contribution> deliveredWithinFold(MonthContext month, int windowMonths) {
        LocalDate from = month.end().minusMonths(windowMonths);
        List<Contribution> active = new ArrayList<>();
        for (Contribution c : month.state(STATE).deliveredBetween(from, month.end())) {
            if (month.roster().isActive(c.from(), month.end())) {
                active.add(c);
            }
        }
        return List.copyOf(active);
    }
}
