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
import java.util.LinkedHashMap;
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
     * pledged ({@code pledged}, in the same order): a few, where {@code all} grows with the history.
     */
    public record Ledger(List<Contribution> all, List<Contribution> pledged) {
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

        boolean deliveredBetween(LocalDate fromExclusive, LocalDate toInclusive) {
            return delivered != null && delivered.isAfter(fromExclusive) && !delivered.isAfter(toInclusive);
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

    static List<Contribution> of(MonthContext month) {
        return month.state(STATE).all();
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
        private final Map<UUID, Contribution> built = new LinkedHashMap<>();
        private final Map<UUID, Contribution> pledged = new LinkedHashMap<>();
        /** In the order first touched since the last snapshot: a new record comes after every earlier one. */
        private final Set<UUID> touched = new LinkedHashSet<>();

        @Override
        public void apply(LoggedEntry entry) {
            if (entry.event() instanceof ContributionRecorded r) {
                recorded.put(r.contributionId(), new Fact<>(entry, r));
                built.putIfAbsent(r.contributionId(), null);
                touched.add(r.contributionId());
            } else if (entry.event() instanceof ContributionStatusChanged c) {
                changes.computeIfAbsent(c.contributionId(), id -> new ArrayList<>()).add(new Fact<>(entry, c));
                touched.add(c.contributionId());
            }
        }

        @Override
        public Ledger snapshot() {
            // The pledged ones keep the order of the first records. A contribution recorded since the last snapshot
            // as pledged, and not changed, joins at the end in the order touched; anything else that turns pledged
            // (which the command side does not allow) puts the list together again from every contribution.
            boolean regroup = false;
            for (UUID id : touched) {
                Fact<ContributionRecorded> fact = recorded.get(id);
                if (fact == null) {
                    continue;
                }
                boolean fresh = built.get(id) == null;
                Contribution contribution = new Contribution(fact, List.copyOf(changes.getOrDefault(id, List.of())));
                built.put(id, contribution);
                boolean isPledged = contribution.status() == ContributionStatus.PLEDGED;
                if (pledged.containsKey(id)) {
                    if (isPledged) {
                        pledged.put(id, contribution);
                    } else {
                        pledged.remove(id);
                    }
                } else if (isPledged) {
                    if (fresh && contribution.changes().isEmpty()) {
                        pledged.put(id, contribution);
                    } else {
                        regroup = true;
                    }
                }
            }
            touched.clear();
            if (regroup) {
                pledged.clear();
                built.forEach((id, c) -> {
                    if (c != null && c.status() == ContributionStatus.PLEDGED) {
                        pledged.put(id, c);
                    }
                });
            }
            return new Ledger(List.copyOf(built.values()), List.copyOf(pledged.values()));
        }
    }

    /** Delivered in the window by a partner still active at the end of the month. */
    static List<Contribution> deliveredWithin(MonthContext month, int windowMonths) {
        return month.derived("contributions.deliveredWithin." + windowMonths, m -> deliveredWithinFold(m, windowMonths));
    }

    private static List<Contribution> deliveredWithinFold(MonthContext month, int windowMonths) {
        LocalDate from = month.end().minusMonths(windowMonths);
        return of(month).stream().filter(c -> c.deliveredBetween(from, month.end()))
                        .filter(c -> month.roster().isActive(c.from(), month.end())).toList();
    }
}
