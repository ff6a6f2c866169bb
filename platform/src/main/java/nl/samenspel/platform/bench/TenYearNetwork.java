package nl.samenspel.platform.bench;

import nl.samenspel.health.LoggedEntry;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A large, long-lived network for benchmarks: ten years of a busy care network logged as a coordinator would, month by
 * month with some entries logged weeks late, and a few corrections and retractions. The mix of kinds follows what the
 * demo networks log each month (meetings, contributions, promises, value, temperature, evaluation rounds) plus the
 * rarer entries (partners leaving and joining, turnover, conflicts, context changes). Seeded, so every run measures
 * the same history.
 */
public final class TenYearNetwork {
    private final Random random;
    private final UUID network;
    private final LocalDate founded;
    private final LocalDate today;
    private final List<Pending> pending = new ArrayList<>();
    private final List<UUID> partners = new ArrayList<>();
    private final List<UUID> active = new ArrayList<>();
    private int ids;

    /** An entry with the day it reaches the log (on or after its business date). */
    private record Pending(LocalDate loggedOn, int order, NetworkEvent event) {
    }

    private TenYearNetwork(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.network = UUID.nameUUIDFromBytes(("ten-year-network:" + seed).getBytes(StandardCharsets.UTF_8));
        this.today = today;
        this.founded = today.minusYears(10).withDayOfMonth(1).plusDays(2);
    }

    /** The log of a network founded ten years before {@code today}: exactly {@code entries} entries, {@code partnerCount} partners at the start. */
    public static List<LoggedEntry> generate(long seed, LocalDate today, int entries, int partnerCount) {
        return new TenYearNetwork(seed, today).build(entries, partnerCount);
    }


    private List<LoggedEntry> build(int entries, int partnerCount) {
        log(founded, new NetworkFounded(network, "Zorgnetwerk Tienjaar", "care", "Midden", CollaborationForm.NETWORK,
                                        "Care close to home for older residents", founded, null, null));
        for (int i = 0; i < partnerCount; i++) {
            join("Partner " + (i + 1), founded);
        }
        log(founded, new AmbitionStated(network, 1, "Older residents live well at home for longer", founded, null, null));
        for (UUID partner : partners) {
            log(founded.plusDays(5), new AmbitionEndorsed(network, partner, Level.BOARD, 1, Stance.ENDORSES, founded.plusDays(5), null, null));
        }
        int months = (int) ChronoUnit.MONTHS.between(founded.withDayOfMonth(1), today.withDayOfMonth(1)) + 1;
        int corrections = entries / 200;
        int monthly = (entries - corrections - pending.size()) * 7 / 10 / months;
        for (int m = 0; m < months && pending.size() < entries - corrections; m++) {
            month(m, monthly);
        }
        long days = ChronoUnit.DAYS.between(founded, today);
        while (pending.size() < entries - corrections) {
            random(founded.plusDays(random.nextInt((int) days + 1)));
        }
        while (pending.size() > entries - corrections) {
            pending.remove(pending.size() - 1);
        }
        pending.sort(Comparator.comparing(Pending::loggedOn).thenComparingInt(Pending::order));
        List<LoggedEntry> log = new ArrayList<>();
        for (Pending p : pending) {
            log.add(entry(log.size(), p.event));
        }
        for (int k = 0; k < corrections; k++) {
            LoggedEntry target = log.get(partnerCount * 3 + random.nextInt(log.size() - partnerCount * 3));
            if (target.event() instanceof BalanceAssessed balance) {
                log.add(entry(log.size(), new EntryCorrected(network, target.eventId(), "Wrong rating",
                        new BalanceAssessed(network, balance.partnerId(), BalanceRating.SKEWED_ACCEPTABLE, balance.occurredOn(), null, null),
                        today, null, null)));
            } else if (target.event() instanceof EntryCorrected || target.event() instanceof EntryRetracted
                       || target.event() instanceof PartnerJoined || target.event() instanceof NetworkFounded) {
                k--;
            } else {
                log.add(entry(log.size(), new EntryRetracted(network, target.eventId(), "Logged twice", today, null, null)));
            }
        }
        return log;
    }

    private LoggedEntry entry(int sequence, NetworkEvent event) {
        return new LoggedEntry(UUID.nameUUIDFromBytes((network + ":" + sequence).getBytes(StandardCharsets.UTF_8)).toString(),
                               sequence, Instant.parse("2016-01-01T00:00:00Z").plusSeconds(sequence * 600L), event);
    }

    /** Logs an entry, usually within days of its date, sometimes weeks later (back-dated). */
    private void add(NetworkEvent event) {
        LocalDate on = event.occurredOn();
        int delay = random.nextInt(10) == 0 ? 10 + random.nextInt(60) : random.nextInt(4);
        LocalDate logged = on.plusDays(delay);
        log(logged.isAfter(today) ? today : logged, event);
    }

    private void log(LocalDate loggedOn, NetworkEvent event) {
        pending.add(new Pending(loggedOn, pending.size(), event));
    }

    private UUID id(String kind) {
        return UUID.nameUUIDFromBytes((network + ":" + kind + ":" + (ids++)).getBytes(StandardCharsets.UTF_8));
    }

    private void join(String name, LocalDate on) {
        UUID partner = id("partner");
        partners.add(partner);
        active.add(partner);
        log(on, new PartnerJoined(network, partner, name, "care", ParticipationLevel.CORE, Set.of(), on, null, null));
        for (Level level : Level.values()) {
            log(on, new RepresentativeAppointed(network, partner, level.name().toLowerCase() + "-" + partner, level,
                                                level == Level.BOARD ? "Director" : "Representative", on, null, null));
        }
    }

    private LocalDate day(int month, int day) {
        LocalDate start = founded.withDayOfMonth(1).plusMonths(month);
        LocalDate on = start.withDayOfMonth(Math.min(day, start.lengthOfMonth()));
        if (on.isBefore(founded)) {
            on = founded;
        }
        return on.isAfter(today) ? today : on;
    }

    private UUID somePartner() {
        return active.get(random.nextInt(active.size()));
    }

    private List<UUID> some(int count) {
        List<UUID> copy = new ArrayList<>(active);
        java.util.Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(count, copy.size())));
    }

    /** One month of a busy network: roughly {@code size} entries of the everyday kinds. */
    private void month(int m, int size) {
        int start = pending.size();
        add(new MeetingHeld(network, id("meeting"), MeetingKind.FORMAL, Modality.IN_PERSON, "Network table",
                            some(active.size() * 2 / 3).stream().map(p -> new Attendance(p, Level.BOARD)).toList(), day(m, 6), null, null));
        add(new MeetingHeld(network, id("meeting"), MeetingKind.INFORMAL, Modality.ONLINE, "Professionals' round",
                            some(active.size() / 2).stream().map(p -> new Attendance(p, Level.PROFESSIONAL)).toList(), day(m, 16), null, null));
        add(new TemperatureMeasured(network, null, 1 + random.nextInt(random.nextInt(5) == 0 ? 4 : 2),
                                    Set.of(Signal.values()[random.nextInt(Signal.values().length)]), day(m, 25), null, null));
        if (m % 6 == 5) {
            evaluationRound(m);
        }
        if (m % 12 == 7 && m > 0) {
            UUID leaving = somePartner();
            if (active.size() > 8) {
                active.remove(leaving);
                add(new PartnerWithdrew(network, leaving, "Other priorities", day(m, 12), null, null));
            }
            join("Partner " + (partners.size() + 1), day(m, 20));
        }
        if (m % 4 == 2) {
            UUID conflict = id("conflict");
            UUID a = somePartner();
            UUID b = somePartner();
            add(new ConflictRegistered(network, conflict, a.equals(b) ? List.of(a) : List.of(a, b), "Issue", day(m, 9), null, null));
            add(new ConflictProgressed(network, conflict, 1 + random.nextInt(5), Intervention.CONVERSATION, day(m, 22), null, null));
        }
        while (pending.size() - start < size) {
            random(day(m, 1 + random.nextInt(28)));
        }
    }

    private void evaluationRound(int m) {
        UUID evaluation = id("evaluation");
        Instrument instrument = Instrument.values()[(m / 6) % 3];
        add(new EvaluationOpened(network, evaluation, instrument, "Evaluation round " + (m / 6 + 1), random.nextBoolean(), null,
                                 day(m, 2), null, null));
        int items = instrument == Instrument.FIVE_CONDITIONS ? 5 : instrument == Instrument.NETWORK_VALUE ? 8 : 4;
        int max = instrument == Instrument.LEARNING_CLIMATE ? 10 : 5;
        for (UUID partner : active) {
            for (Level level : List.of(Level.BOARD, Level.PROFESSIONAL)) {
                List<Integer> scores = new ArrayList<>();
                for (int k = 0; k < items; k++) {
                    scores.add(1 + random.nextInt(max));
                }
                add(new EvaluationResponseRecorded(network, evaluation, partner, level, random.nextInt(4) == 0, scores, null,
                                                   day(m, 3 + random.nextInt(20)), null, null));
            }
        }
    }

    /** One entry of a kind drawn with the weights of an everyday network. */
    private void random(LocalDate on) {
        UUID a = somePartner();
        UUID b = somePartner();
        int draw = random.nextInt(100);
        if (draw < 35) {
            UUID receiver = random.nextBoolean() ? null : b;
            ContributionKind kind = random.nextInt(4) == 0 ? ContributionKind.MONEY : ContributionKind.CAPACITY;
            // money is counted in euros, as the command side demands; the draws stay as they were
            add(new ContributionRecorded(network, id("contribution"), a, receiver, kind,
                                         BigDecimal.valueOf(1 + random.nextInt(40)),
                                         kind == ContributionKind.MONEY ? Unit.EUR : Unit.HOURS,
                                         BigDecimal.valueOf(random.nextInt(5_000)), Capital.values()[random.nextInt(3)],
                                         random.nextInt(5) == 0 ? ContributionStatus.PLEDGED : ContributionStatus.DELIVERED,
                                         on, null, null));
        } else if (draw < 50) {
            add(new MeetingHeld(network, id("meeting"), random.nextBoolean() ? MeetingKind.FORMAL : MeetingKind.INFORMAL,
                                Modality.IN_PERSON, "Working group", some(2 + random.nextInt(4)).stream()
                                        .map(p -> new Attendance(p, Level.values()[random.nextInt(3)])).toList(), on, null, null));
        } else if (draw < 62) {
            UUID agreement = id("agreement");
            boolean promise = random.nextBoolean();
            add(new AgreementMade(network, agreement, promise ? "Promise" : "Rule",
                                  promise ? AgreementKind.PROMISE : AgreementKind.RULE,
                                  promise ? null : RuleTheme.values()[random.nextInt(RuleTheme.values().length)], List.of(a), null,
                                  on, null, null));
            LocalDate outcome = on.plusDays(7 + random.nextInt(40));
            if (!outcome.isAfter(today)) {
                add(new AgreementOutcomeRecorded(network, agreement, random.nextInt(5) == 0 ? AgreementOutcome.BROKEN : AgreementOutcome.KEPT,
                                                 a, outcome, null, null));
            }
        } else if (draw < 70) {
            add(new ValueRealised(network, null, BeneficiaryGroup.RESIDENTS, Capital.values()[random.nextInt(3)], null,
                                  "Visible result", "Monthly monitor", on, null, null));
        } else if (draw < 74) {
            add(new BalanceAssessed(network, a, BalanceRating.values()[random.nextInt(3)], on, null, null));
        } else if (draw < 78) {
            add(new MeetingCancelled(network, a, "Network table", on, null, null));
        } else if (draw < 82) {
            String person = "pro-" + id("person");
            add(new RepresentativeAppointed(network, a, person, Level.PROFESSIONAL, "Nurse", on, null, null));
            LocalDate left = on.plusDays(60 + random.nextInt(400));
            if (!left.isAfter(today)) {
                add(new RepresentativeDeparted(network, a, person, Level.PROFESSIONAL, Handover.values()[random.nextInt(3)],
                                               DepartureReason.OTHER, left, null, null));
            }
        } else if (draw < 85) {
            add(new TemperatureMeasured(network, a.equals(b) ? List.of(a) : List.of(a, b), 1 + random.nextInt(4),
                                        Set.of(Signal.values()[random.nextInt(Signal.values().length)]), on, null, null));
        } else if (draw < 88) {
            add(new ContextChanged(network, ContextKind.values()[random.nextInt(ContextKind.values().length)], null,
                                   random.nextBoolean() ? Direction.NEGATIVE : Direction.POSITIVE, "Change", on, null, null));
        } else if (draw < 90) {
            add(new AccountabilityRequested(network, "Municipal council", List.of(a), random.nextBoolean(), on, null, null));
        } else if (draw < 92) {
            add(new AmbitionEndorsed(network, a, Level.values()[random.nextInt(3)], 1, Stance.values()[random.nextInt(3)], on, null, null));
        } else if (draw < 94) {
            add(new NetworkRoleAssigned(network, LeadRole.values()[random.nextInt(LeadRole.values().length)],
                                        "person-" + random.nextInt(6), a, true, on, null, null));
        } else if (draw < 96) {
            add(new SuccessAchieved(network, SuccessKind.values()[random.nextInt(SuccessKind.values().length)], "Success", on, null, null));
        } else if (draw < 98) {
            add(new SubCoalitionFormed(network, id("coalition"), "Coalition", null, a.equals(b) ? List.of(a) : List.of(a, b), on, null, null));
        } else {
            add(new RegionalAnalysisShared(network, "Analysis", List.of("Figures"), List.of("Stories"), List.copyOf(active), on, null, null));
        }
    }
}
