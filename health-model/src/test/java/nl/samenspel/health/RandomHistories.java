package nl.samenspel.health;

import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.ambition.AmbitionStated;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.evaluation.EvaluationOpened;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.exchange.BeneficiaryGroup;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ContributionKind;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.exchange.ValueRealised;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingCancelled;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.people.DepartureReason;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.NetworkRoleAssigned;
import nl.samenspel.kernel.people.RepresentativeAppointed;
import nl.samenspel.kernel.people.RepresentativeDeparted;
import nl.samenspel.kernel.structure.AccountabilityRequested;
import nl.samenspel.kernel.structure.ContextChanged;
import nl.samenspel.kernel.structure.ContextKind;
import nl.samenspel.kernel.structure.Direction;
import nl.samenspel.kernel.structure.RegionalAnalysisShared;
import nl.samenspel.kernel.structure.SubCoalitionFormed;
import nl.samenspel.kernel.structure.SuccessAchieved;
import nl.samenspel.kernel.structure.SuccessKind;
import nl.samenspel.kernel.tension.ConflictProgressed;
import nl.samenspel.kernel.tension.ConflictRegistered;
import nl.samenspel.kernel.tension.Intervention;
import nl.samenspel.kernel.tension.Signal;
import nl.samenspel.kernel.tension.TemperatureMeasured;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Random but valid network histories for property-style tests: partners join first, then entries of every group
 * with random business dates (so many arrive back-dated), plus corrections and retractions of earlier entries.
 */
final class RandomHistories {
    private RandomHistories() {
    }

    static List<LoggedEntry> generate(long seed, LocalDate today) {
        Random random = new Random(seed);
        UUID network = new UUID(seed, 1);
        LocalDate founded = today.minusMonths(6 + random.nextInt(30));
        List<LoggedEntry> log = new ArrayList<>();
        add(log, new NetworkFounded(network, "Netwerk " + seed, "care", "Noord", CollaborationForm.NETWORK, null, founded,
                                    null, null));
        int partnerCount = 3 + random.nextInt(6);
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < partnerCount; i++) {
            UUID partner = new UUID(seed, 100 + i);
            partners.add(partner);
            add(log, new PartnerJoined(network, partner, "Partner " + i, "care", ParticipationLevel.CORE, Set.of(),
                                       founded, null, null));
            add(log, new RepresentativeAppointed(network, partner, "board-" + i, Level.BOARD, "Director", founded, null, null));
        }
        add(log, new AmbitionStated(network, 1, "Shared ambition", founded, null, null));
        long days = java.time.temporal.ChronoUnit.DAYS.between(founded, today);
        int count = 20 + random.nextInt(80);
        for (int i = 0; i < count; i++) {
            LocalDate on = founded.plusDays(random.nextInt((int) days + 1));
            UUID a = partners.get(random.nextInt(partners.size()));
            UUID b = partners.get((partners.indexOf(a) + 1) % partners.size());
            NetworkEvent event = switch (random.nextInt(18)) {
                case 0 -> new MeetingHeld(network, UUID.randomUUID(), random.nextBoolean() ? MeetingKind.FORMAL : MeetingKind.INFORMAL,
                                          Modality.IN_PERSON, "Meeting", partners.subList(0, 1 + random.nextInt(partners.size()))
                                                                                 .stream().map(p -> new Attendance(p, Level.BOARD)).toList(), on, null, null);
                case 1 -> new ContributionRecorded(network, UUID.randomUUID(), a, random.nextBoolean() ? null : b,
                                                   ContributionKind.CAPACITY, BigDecimal.TEN, Unit.HOURS, BigDecimal.valueOf(random.nextInt(1000)),
                                                   Capital.values()[random.nextInt(3)],
                                                   random.nextBoolean() ? ContributionStatus.DELIVERED : ContributionStatus.PLEDGED, on, null, null);
                case 2 -> {
                    UUID agreement = UUID.randomUUID();
                    add(log, new AgreementMade(network, agreement, "Agreement", AgreementKind.RULE,
                                               RuleTheme.values()[random.nextInt(RuleTheme.values().length)], List.of(a), null, on, null, null));
                    yield new AgreementOutcomeRecorded(network, agreement, AgreementOutcome.values()[random.nextInt(4)], a,
                                                       on.plusDays(random.nextInt(20)).isAfter(today) ? on : on.plusDays(10), null, null);
                }
                case 3 -> new TemperatureMeasured(network, random.nextBoolean() ? null : List.of(a, b), 1 + random.nextInt(4),
                                                  Set.of(Signal.values()[random.nextInt(Signal.values().length)]), on, null, null);
                case 4 -> {
                    UUID conflict = UUID.randomUUID();
                    add(log, new ConflictRegistered(network, conflict, List.of(a, b), "Issue", on, null, null));
                    yield new ConflictProgressed(network, conflict, 1 + random.nextInt(5), Intervention.CONVERSATION, on, null, null);
                }
                case 5 -> {
                    UUID evaluation = UUID.randomUUID();
                    Instrument instrument = Instrument.values()[random.nextInt(3)];
                    add(log, new EvaluationOpened(network, evaluation, instrument, "Evaluation", random.nextBoolean(), null, on, null, null));
                    int items = instrument == Instrument.FIVE_CONDITIONS ? 5 : instrument == Instrument.NETWORK_VALUE ? 8 : 4;
                    int max = instrument == Instrument.LEARNING_CLIMATE ? 10 : 5;
                    List<Integer> scores = new ArrayList<>();
                    for (int k = 0; k < items; k++) {
                        scores.add(1 + random.nextInt(max));
                    }
                    yield new EvaluationResponseRecorded(network, evaluation, a, Level.BOARD, random.nextBoolean(), scores, null, on, null, null);
                }
                case 6 -> new ValueRealised(network, null, BeneficiaryGroup.RESIDENTS, Capital.values()[random.nextInt(3)], null,
                                            "Value", "Evidence", on, null, null);
                case 7 -> new BalanceAssessed(network, a, BalanceRating.values()[random.nextInt(3)], on, null, null);
                case 8 -> new ContextChanged(network, ContextKind.values()[random.nextInt(7)], null,
                                             random.nextBoolean() ? Direction.NEGATIVE : Direction.POSITIVE, "Change", on, null, null);
                case 9 -> new AccountabilityRequested(network, "Council", List.of(a), random.nextBoolean(), on, null, null);
                case 10 -> new MeetingCancelled(network, a, "Meeting", on, null, null);
                case 11 -> new SuccessAchieved(network, SuccessKind.GRANT, "Grant", on, null, null);
                case 12 -> new SubCoalitionFormed(network, UUID.randomUUID(), "Coalition", null, List.of(a, b), on, null, null);
                case 13 -> new RegionalAnalysisShared(network, "Analysis", List.of("Figures"), List.of("Stories"), partners, on, null, null);
                case 14 -> new AmbitionEndorsed(network, a, Level.BOARD, 1, Stance.values()[random.nextInt(3)], on, null, null);
                case 15 -> new NetworkRoleAssigned(network, LeadRole.values()[random.nextInt(4)], "person-" + random.nextInt(4), a, true, on, null, null);
                case 16 -> {
                    String person = "pro-" + i;
                    add(log, new RepresentativeAppointed(network, a, person, Level.PROFESSIONAL, "Nurse", on, null, null));
                    LocalDate left = on.plusDays(random.nextInt(100));
                    yield new RepresentativeDeparted(network, a, person, Level.PROFESSIONAL, Handover.values()[random.nextInt(3)],
                                                     DepartureReason.OTHER, left.isAfter(today) ? on : left, null, null);
                }
                default -> new PartnerWithdrew(network, a, "Leaves", on, null, null);
            };
            add(log, event);
            if (random.nextInt(10) == 0 && log.size() > partnerCount * 2 + 3) {
                LoggedEntry target = log.get(partnerCount * 2 + 2 + random.nextInt(log.size() - partnerCount * 2 - 2));
                if (target.event() instanceof BalanceAssessed balance) {
                    add(log, new EntryCorrected(network, target.eventId(), "Mistake",
                                                new BalanceAssessed(network, balance.partnerId(), BalanceRating.UNFAIR,
                                                                    founded.plusDays(random.nextInt((int) days + 1)), null, null), today, null, null));
                } else if (!(target.event() instanceof EntryCorrected) && !(target.event() instanceof EntryRetracted)) {
                    add(log, new EntryRetracted(network, target.eventId(), "Wrong network", today, null, null));
                }
            }
        }
        return log;
    }

    private static void add(List<LoggedEntry> log, NetworkEvent event) {
        int seq = log.size();
        log.add(new LoggedEntry(UUID.nameUUIDFromBytes((event.networkId() + ":" + seq).getBytes()).toString(), seq,
                                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq * 60L), event));
    }
}
