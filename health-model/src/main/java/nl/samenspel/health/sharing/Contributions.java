package nl.samenspel.health.sharing;

import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.exchange.Unit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every contribution as it stands at the end of a month: what was recorded, and how its status moved since. */
final class Contributions {

    /** One contribution with its status changes, in business order. */
    record Contribution(Fact<ContributionRecorded> recorded, List<Fact<ContributionStatusChanged>> changes) {

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
            if (status() != ContributionStatus.DELIVERED) {
                return Optional.empty();
            }
            for (int i = changes.size() - 1; i >= 0; i--) {
                if (changes.get(i).event().status() == ContributionStatus.DELIVERED) {
                    return Optional.of(changes.get(i).on());
                }
            }
            return Optional.of(recorded.on());
        }

        boolean deliveredBetween(LocalDate fromExclusive, LocalDate toInclusive) {
            return deliveredOn().map(d -> d.isAfter(fromExclusive) && !d.isAfter(toInclusive)).orElse(false);
        }

        boolean pledgedBetween(LocalDate fromExclusive, LocalDate toInclusive) {
            return status() == ContributionStatus.PLEDGED && recorded.on().isAfter(fromExclusive)
                   && !recorded.on().isAfter(toInclusive);
        }

        /** Its value in euros where known: the estimate, or the quantity itself when counted in EUR. */
        Optional<BigDecimal> eur() {
            if (recorded.event().estimatedValueEur() != null) {
                return Optional.of(recorded.event().estimatedValueEur());
            }
            return recorded.event().unit() == Unit.EUR ? Optional.of(recorded.event().quantity()) : Optional.empty();
        }

        List<String> evidence() {
            List<String> ids = new ArrayList<>();
            ids.add(recorded.id());
            changes.forEach(c -> ids.add(c.id()));
            return ids;
        }
    }

    private Contributions() {
    }

    static List<Contribution> of(MonthContext month) {
        return month.derived("contributions", Contributions::fold);
    }

    private static List<Contribution> fold(MonthContext month) {
        Map<UUID, Fact<ContributionRecorded>> recorded = new LinkedHashMap<>();
        for (Fact<ContributionRecorded> fact : month.all(ContributionRecorded.class)) {
            recorded.put(fact.event().contributionId(), fact);
        }
        Map<UUID, List<Fact<ContributionStatusChanged>>> changes = new LinkedHashMap<>();
        for (Fact<ContributionStatusChanged> change : month.all(ContributionStatusChanged.class)) {
            changes.computeIfAbsent(change.event().contributionId(), id -> new ArrayList<>()).add(change);
        }
        List<Contribution> result = new ArrayList<>();
        recorded.forEach((id, fact) -> result.add(new Contribution(fact, List.copyOf(changes.getOrDefault(id, List.of())))));
        return List.copyOf(result);
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
