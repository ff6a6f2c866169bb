package nl.samenspel.health;

import nl.samenspel.health.dip.Vitality;
import nl.samenspel.health.evaluation.Evaluations;
import nl.samenspel.kernel.structure.SubCoalitionChanged;
import nl.samenspel.kernel.structure.SubCoalitionDissolved;
import nl.samenspel.kernel.structure.SubCoalitionFormed;
import nl.samenspel.health.sharing.BalanceRatings;
import nl.samenspel.health.sharing.Contributions;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.health.tension.Readings;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.tension.TemperatureMeasured;
import nl.samenspel.health.state.Agreements;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.people.NetworkRoleAssigned;
import nl.samenspel.kernel.people.NetworkRoleEnded;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style: the network state folded forward month by month (each entry applied once) is, at the end of every
 * month, exactly what a fold from scratch of the history up to that day gives: the standing (partners, posts, role
 * terms), the contributions with their status changes, the agreements in force and those without an outcome. Also
 * when months are asked out of order, and when status changes or role ends are dated before what they change.
 */
class NetworkStateTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void theStateFoldedForwardEqualsAFoldFromScratchAtEveryMonthEnd() {
        for (long seed = 1; seed <= 40; seed++) {
            List<LoggedEntry> effective = EffectiveHistory.of(withChangesAndEnds(RandomHistories.generate(seed, TODAY), seed));
            HistoryIndex index = new HistoryIndex(effective);
            List<LocalDate> ends = new ArrayList<>();
            for (YearMonth month = YearMonth.from(effective.get(0).occurredOn()).minusMonths(1);
                 !month.isAfter(YearMonth.from(TODAY)); month = month.plusMonths(1)) {
                ends.add(month.atEndOfMonth().isAfter(TODAY) ? TODAY : month.atEndOfMonth());
            }
            if (seed % 4 == 0) {
                java.util.Collections.shuffle(ends, new Random(seed));
            }
            Map<LocalDate, Contributions.Ledger> taken = new LinkedHashMap<>();
            for (LocalDate end : ends) {
                List<LoggedEntry> upTo = effective.stream().filter(e -> !e.occurredOn().isAfter(end)).toList();
                String at = "seed " + seed + ", " + end;

                Standing folded = index.stateAt(NetworkState.STANDING, end);
                Standing scratch = Standing.of(upTo, LoggedEntry::eventId, LoggedEntry::event);
                assertThat(List.copyOf(folded.partners())).as("partners, %s", at).isEqualTo(List.copyOf(scratch.partners()));
                assertThat(folded.posts()).as("posts, %s", at).isEqualTo(scratch.posts());
                assertThat(folded.terms()).as("terms, %s", at).isEqualTo(scratch.terms());

                Contributions.Ledger ledger = index.stateAt(Contributions.STATE, end);
                assertThat(ledger).as("contributions, %s", at).isEqualTo(contributions(upTo));
                taken.put(end, ledger);
                for (int window : List.of(1, 3, 12, 600)) {
                    LocalDate from = end.minusMonths(window);
                    assertThat(ledger.deliveredBetween(from, end)).as("delivered in %d months, %s", window, at)
                            .isEqualTo(ledger.all().stream().filter(c -> c.delivered() != null && c.delivered().isAfter(from)
                                                                         && !c.delivered().isAfter(end)).toList());
                }

                Agreements.Book book = index.stateAt(Agreements.BOOK, end);
                assertThat(book).as("agreements, %s", at).isEqualTo(agreements(upTo));

                Map<UUID, List<Fact<EvaluationResponseRecorded>>> responses = new LinkedHashMap<>();
                Map<Readings.Scope, List<Fact<TemperatureMeasured>>> readings = new LinkedHashMap<>();
                for (LoggedEntry e : upTo) {
                    if (e.event() instanceof EvaluationResponseRecorded r) {
                        responses.computeIfAbsent(r.evaluationId(), k -> new ArrayList<>()).add(new Fact<>(e, r));
                    } else if (e.event() instanceof TemperatureMeasured t) {
                        readings.computeIfAbsent(Readings.Scope.of(t.pair()), k -> new ArrayList<>()).add(new Fact<>(e, t));
                    }
                }
                assertThat(index.stateAt(Evaluations.RESPONSES, end)).as("responses, %s", at).isEqualTo(responses);
                assertThat(List.copyOf(index.stateAt(Readings.BY_SCOPE, end).keySet())).as("scopes, %s", at)
                        .isEqualTo(List.copyOf(readings.keySet()));
                assertThat(index.stateAt(Readings.BY_SCOPE, end)).as("readings, %s", at).isEqualTo(readings);

                Map<UUID, Fact<BalanceAssessed>> ratings = new LinkedHashMap<>();
                upTo.stream().filter(e -> e.event() instanceof BalanceAssessed)
                    .forEach(e -> ratings.put(((BalanceAssessed) e.event()).partnerId(), new Fact<>(e, (BalanceAssessed) e.event())));
                assertThat(List.copyOf(index.stateAt(BalanceRatings.LATEST, end).entrySet())).as("ratings, %s", at)
                        .isEqualTo(List.copyOf(ratings.entrySet()));

                Map<UUID, Vitality.SubCoalition> coalitions = new LinkedHashMap<>();
                for (LoggedEntry e : upTo) {
                    if (e.event() instanceof SubCoalitionFormed f) {
                        coalitions.put(f.coalitionId(), new Vitality.SubCoalition(f.memberIds(), new Fact<>(e, f)));
                    } else if (e.event() instanceof SubCoalitionChanged c && coalitions.containsKey(c.coalitionId())) {
                        coalitions.put(c.coalitionId(), new Vitality.SubCoalition(c.memberIds(), new Fact<>(e, c)));
                    } else if (e.event() instanceof SubCoalitionDissolved d) {
                        coalitions.remove(d.coalitionId());
                    }
                }
                assertThat(List.copyOf(index.stateAt(Vitality.SUB_COALITIONS, end).entrySet())).as("sub-coalitions, %s", at)
                        .isEqualTo(List.copyOf(coalitions.entrySet()));
                assertThat(index.stateAt(HealthModel.ANONYMOUS, end)).as("anonymous answers, %s", at)
                        .isEqualTo(upTo.stream().filter(e -> e.event() instanceof EvaluationResponseRecorded r
                                                             && Boolean.TRUE.equals(r.anonymous()))
                                       .map(LoggedEntry::eventId).collect(java.util.stream.Collectors.toSet()));
            }
            // a snapshot stays what it was when later entries are applied
            taken.forEach((end, ledger) -> assertThat(ledger).as("contributions of %s, read again", end)
                    .isEqualTo(contributions(effective.stream().filter(e -> !e.occurredOn().isAfter(end)).toList())));
        }
    }

    @Test
    void aContributionThatTurnsPledgedAgainKeepsItsPlaceAmongThePledgedOnes() {
        // not something the command side lets through, but the fold must read any history the same way
        HistoryBuilderB b = HistoryBuilderB.withPartners("2024-01-02", "A", "B");
        b.contribution("first", "A", ContributionStatus.DELIVERED, "2024-01-10");
        b.contribution("second", "B", ContributionStatus.PLEDGED, "2024-01-20");
        b.contributionStatus("first", ContributionStatus.PLEDGED, "2024-02-05");
        List<LoggedEntry> effective = EffectiveHistory.of(b.log());
        HistoryIndex index = new HistoryIndex(effective);
        for (LocalDate end : List.of(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29))) {
            List<LoggedEntry> upTo = effective.stream().filter(e -> !e.occurredOn().isAfter(end)).toList();
            assertThat(index.stateAt(Contributions.STATE, end)).as("%s", end).isEqualTo(contributions(upTo));
        }
        assertThat(index.stateAt(Contributions.STATE, LocalDate.of(2024, 2, 29)).pledged())
                .extracting(c -> c.recorded().event().fromPartnerId()).hasSize(2)
                .containsExactlyElementsOf(index.stateAt(Contributions.STATE, LocalDate.of(2024, 2, 29)).all().stream()
                                                .map(c -> c.recorded().event().fromPartnerId()).toList());
    }

    @Test
    void aContributionRecordedAgainKeepsThePlaceOfItsFirstRecordAmongThePledgedOnes() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2024-01-02", "A", "B");
        b.contribution("first", "A", ContributionStatus.PLEDGED, "2024-01-10");
        b.contribution("second", "B", ContributionStatus.PLEDGED, "2024-01-20");
        b.contribution("first", "A", ContributionStatus.PLEDGED, "2024-02-05");
        List<LoggedEntry> effective = EffectiveHistory.of(b.log());
        HistoryIndex index = new HistoryIndex(effective);
        for (LocalDate end : List.of(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29))) {
            List<LoggedEntry> upTo = effective.stream().filter(e -> !e.occurredOn().isAfter(end)).toList();
            Contributions.Ledger ledger = index.stateAt(Contributions.STATE, end);
            assertThat(ledger).as("%s", end).isEqualTo(contributions(upTo));
            assertThat(ledger.pledged()).as("in the order of the first records, %s", end).hasSize(2)
                    .containsExactlyElementsOf(ledger.all());
        }
    }

    @Test
    void aDeliveryDatedBeforeEarlierOnesIsFoundByItsDayInLaterWindows() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2024-01-02", "A", "B");
        b.contribution("a", "A", ContributionStatus.DELIVERED, "2024-01-10");
        b.contribution("b", "B", ContributionStatus.DELIVERED, "2024-01-25");
        // delivered (by its status change) on 20 January, recorded only in February
        b.contributionStatus("c", ContributionStatus.DELIVERED, "2024-01-20");
        b.contribution("c", "A", ContributionStatus.PLEDGED, "2024-02-03");
        b.contributionStatus("b", ContributionStatus.WITHDRAWN, "2024-03-05");
        HistoryIndex index = new HistoryIndex(EffectiveHistory.of(b.log()));
        LocalDate from = LocalDate.of(2024, 1, 22);

        Contributions.Ledger january = index.stateAt(Contributions.STATE, LocalDate.of(2024, 1, 31));
        assertThat(january.deliveredBetween(from, LocalDate.of(2024, 1, 31))).containsExactly(january.all().get(1));
        Contributions.Ledger february = index.stateAt(Contributions.STATE, LocalDate.of(2024, 2, 29));
        assertThat(february.all()).hasSize(3);
        assertThat(february.deliveredBetween(from, LocalDate.of(2024, 2, 29))).as("c was delivered before 22 January")
                .containsExactly(february.all().get(1));
        assertThat(february.deliveredBetween(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 29)))
                .as("b and c, in the order of their records").containsExactly(february.all().get(1), february.all().get(2));
        Contributions.Ledger march = index.stateAt(Contributions.STATE, LocalDate.of(2024, 3, 31));
        assertThat(march.deliveredBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31))).as("b was withdrawn")
                .containsExactly(march.all().get(0), march.all().get(2));
    }

    @Test
    void theWholeStateFoldsWithoutEvaluatingAMonth() {
        List<LoggedEntry> effective = EffectiveHistory.of(withChangesAndEnds(RandomHistories.generate(3, TODAY), 3));
        NetworkState state = NetworkState.of(effective);
        assertThat(state.applied()).isEqualTo(effective.size());
        assertThat(List.copyOf(state.get(NetworkState.STANDING).partners()))
                .isEqualTo(List.copyOf(Standing.of(effective, LoggedEntry::eventId, LoggedEntry::event).partners()));
        assertThat(state.get(Contributions.STATE)).isEqualTo(contributions(effective));
    }

    /**
     * The contributions by their plain definition: last record per id (in the place of its first), every change of
     * it; and those of them whose latest status is pledged.
     */
    private static Contributions.Ledger contributions(List<LoggedEntry> history) {
        Map<UUID, Fact<ContributionRecorded>> recorded = new LinkedHashMap<>();
        Map<UUID, List<Fact<ContributionStatusChanged>>> changes = new HashMap<>();
        for (LoggedEntry e : history) {
            if (e.event() instanceof ContributionRecorded r) {
                recorded.put(r.contributionId(), new Fact<>(e, r));
            } else if (e.event() instanceof ContributionStatusChanged c) {
                changes.computeIfAbsent(c.contributionId(), id -> new ArrayList<>()).add(new Fact<>(e, c));
            }
        }
        List<Contributions.Contribution> result = new ArrayList<>();
        List<Contributions.Contribution> pledged = new ArrayList<>();
        recorded.forEach((id, r) -> {
            List<Fact<ContributionStatusChanged>> of = changes.getOrDefault(id, List.of());
            ContributionStatus status = of.isEmpty() ? r.event().status() : of.get(of.size() - 1).event().status();
            LocalDate delivered = null;
            if (status == ContributionStatus.DELIVERED) {
                delivered = r.on();
                for (Fact<ContributionStatusChanged> c : of) {
                    if (c.event().status() == ContributionStatus.DELIVERED) {
                        delivered = c.on();
                    }
                }
            }
            result.add(new Contributions.Contribution(r, List.copyOf(of), delivered));
            if (status == ContributionStatus.PLEDGED) {
                pledged.add(result.get(result.size() - 1));
            }
        });
        return new Contributions.Ledger(result, pledged);
    }

    private static Agreements.Book agreements(List<LoggedEntry> history) {
        Map<UUID, AgreementOutcome> latest = new HashMap<>();
        List<Fact<AgreementMade>> made = new ArrayList<>();
        for (LoggedEntry e : history) {
            if (e.event() instanceof AgreementOutcomeRecorded o) {
                latest.put(o.agreementId(), o.outcome());
            } else if (e.event() instanceof AgreementMade a) {
                made.add(new Fact<>(e, a));
            }
        }
        return new Agreements.Book(
                made.stream().filter(a -> latest.get(a.event().agreementId()) != AgreementOutcome.CANCELLED
                                          && latest.get(a.event().agreementId()) != AgreementOutcome.RENEGOTIATED).toList(),
                made.stream().filter(a -> !latest.containsKey(a.event().agreementId())).toList());
    }

    /** Adds status changes to some contributions and ends to some roles, some dated before what they change. */
    private static List<LoggedEntry> withChangesAndEnds(List<LoggedEntry> log, long seed) {
        Random random = new Random(seed * 31);
        List<LoggedEntry> result = new ArrayList<>(log);
        for (LoggedEntry entry : log) {
            LocalDate on = entry.occurredOn().plusDays(random.nextInt(200) - 20);
            if (on.isAfter(TODAY)) {
                continue;
            }
            if (entry.event() instanceof ContributionRecorded r && random.nextInt(3) > 0) {
                ContributionStatus[] statuses = ContributionStatus.values();
                add(result, new ContributionStatusChanged(r.networkId(), r.contributionId(),
                                                          statuses[random.nextInt(statuses.length)], on, null, null));
            } else if (entry.event() instanceof NetworkRoleAssigned a && random.nextBoolean()) {
                add(result, new NetworkRoleEnded(a.networkId(), a.role(), a.personRef(), a.partnerId(), on, null, null));
            }
        }
        return result;
    }

    private static void add(List<LoggedEntry> log, nl.samenspel.kernel.network.NetworkEvent event) {
        int seq = log.size();
        log.add(new LoggedEntry("extra-" + seq, seq, Instant.parse("2026-02-01T00:00:00Z").plusSeconds(seq), event));
    }
}
