package nl.samenspel.health;

import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.ambition.AmbitionStated;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.evaluation.EvaluationOpened;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.evaluation.ImprovementActionAgreed;
import nl.samenspel.kernel.evaluation.ImprovementActionCompleted;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.exchange.BeneficiaryGroup;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ContributionKind;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.exchange.ValueRealised;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.people.DepartureReason;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.RepresentativeAppointed;
import nl.samenspel.kernel.people.RepresentativeDeparted;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Builds a network's log by hand for the tests of the sharing and evaluation indicators: each call appends one entry
 * (ids {@code e1, e2, ...} in log order, recorded one second apart) and answers its event id, or the id of what it
 * creates. Entries may be appended with any business date, so a late, back-dated entry is just a later call.
 */
public final class HistoryBuilderA {
    private static final Instant FIRST_RECORDED = Instant.parse("2030-01-01T00:00:00Z");

    private final UUID network = UUID.nameUUIDFromBytes("network".getBytes(StandardCharsets.UTF_8));
    private final List<LoggedEntry> log = new ArrayList<>();
    private int uuids;

    private HistoryBuilderA() {
    }

    public static HistoryBuilderA foundedOn(String date) {
        HistoryBuilderA history = new HistoryBuilderA();
        history.add(new NetworkFounded(history.network, "Zorgnetwerk Test", "care", "north", CollaborationForm.NETWORK,
                                       "Better care at home", d(date), null, null));
        return history;
    }

    public static LocalDate d(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    /** The month of a timeline, e.g. {@code month(timeline, "2024-02")}. */
    public static MonthHealth month(HealthTimeline timeline, String yearMonth) {
        YearMonth wanted = YearMonth.parse(yearMonth);
        return timeline.months().stream().filter(m -> m.month().equals(wanted)).findFirst()
                       .orElseThrow(() -> new AssertionError("No month " + yearMonth + " in the timeline"));
    }

    public UUID network() {
        return network;
    }

    /** The log so far (a snapshot: later calls do not change it). */
    public List<LoggedEntry> log() {
        return List.copyOf(log);
    }

    public HealthTimeline timeline(HealthModel model, String evaluationDate) {
        return model.timeline(log(), d(evaluationDate));
    }

    public String lastId() {
        return log.get(log.size() - 1).eventId();
    }

    public NetworkEvent event(String eventId) {
        return log.stream().filter(e -> e.eventId().equals(eventId)).findFirst().orElseThrow().event();
    }

    public String add(NetworkEvent event) {
        long sequence = log.size() + 1;
        String id = "e" + sequence;
        log.add(new LoggedEntry(id, sequence, FIRST_RECORDED.plusSeconds(sequence), event));
        return id;
    }

    private UUID newId(String kind) {
        return UUID.nameUUIDFromBytes((kind + ++uuids).getBytes(StandardCharsets.UTF_8));
    }

    // ---- partners and people ----

    public UUID join(String name, String on) {
        UUID partner = newId("partner");
        add(new PartnerJoined(network, partner, name, "care-provider", ParticipationLevel.CORE, Set.of(), d(on), null, null));
        return partner;
    }

    public String withdraw(UUID partner, String on) {
        return add(new PartnerWithdrew(network, partner, "Other priorities", d(on), null, null));
    }

    public String appoint(UUID partner, Level level, String person, String on) {
        return add(new RepresentativeAppointed(network, partner, person, level, "representative", d(on), null, null));
    }

    public String depart(UUID partner, Level level, String person, String on) {
        return add(new RepresentativeDeparted(network, partner, person, level, Handover.PARTIAL,
                                              DepartureReason.LEFT_ORGANISATION, d(on), null, null));
    }

    // ---- ambition ----

    public String ambition(int version, String on) {
        return add(new AmbitionStated(network, version, "Together we keep older residents at home, version " + version,
                                      d(on), null, null));
    }

    public AmbitionEndorsed stanceEvent(UUID partner, Level level, int version, Stance stance, String on) {
        return new AmbitionEndorsed(network, partner, level, version, stance, d(on), null, null);
    }

    public String stance(UUID partner, Level level, int version, Stance stance, String on) {
        return add(stanceEvent(partner, level, version, stance, on));
    }

    // ---- agreements ----

    public AgreementMade agreementEvent(UUID agreement, String title, String dueOn, String on, UUID... parties) {
        return new AgreementMade(network, agreement, title, AgreementKind.PROMISE, null, Arrays.asList(parties),
                                 dueOn == null ? null : d(dueOn), d(on), null, null);
    }

    /** Logs an agreement and answers its agreement id (its event id is {@link #lastId()}). */
    public UUID agreement(String title, String dueOn, String on, UUID... parties) {
        UUID agreement = newId("agreement");
        add(agreementEvent(agreement, title, dueOn, on, parties));
        return agreement;
    }

    public AgreementOutcomeRecorded outcomeEvent(UUID agreement, AgreementOutcome outcome, UUID responsible, String on) {
        return new AgreementOutcomeRecorded(network, agreement, outcome, responsible, d(on), null, null);
    }

    public String outcome(UUID agreement, AgreementOutcome outcome, UUID responsible, String on) {
        return add(outcomeEvent(agreement, outcome, responsible, on));
    }

    // ---- give and take ----

    /** Logs a contribution ({@code to} null: to the network) and answers its contribution id. */
    public UUID contribution(UUID from, UUID to, ContributionKind kind, double quantity, Unit unit, Double estimatedEur,
                             Capital capital, ContributionStatus status, String on) {
        UUID contribution = newId("contribution");
        add(new ContributionRecorded(network, contribution, from, to, kind, BigDecimal.valueOf(quantity), unit,
                                     estimatedEur == null ? null : BigDecimal.valueOf(estimatedEur), capital, status,
                                     d(on), null, null));
        return contribution;
    }

    public String contributionStatus(UUID contribution, ContributionStatus status, String on) {
        return add(new ContributionStatusChanged(network, contribution, status, d(on), null, null));
    }

    public ValueRealised valueEvent(UUID beneficiary, Capital capital, String on) {
        return new ValueRealised(network, beneficiary, beneficiary == null ? BeneficiaryGroup.RESIDENTS : null, capital,
                                 null, "Value for " + (beneficiary == null ? "residents" : "a partner"),
                                 "Minutes of the steering group", d(on), null, null);
    }

    /** Evidenced value for a partner, or for residents when {@code beneficiary} is null. */
    public String value(UUID beneficiary, Capital capital, String on) {
        return add(valueEvent(beneficiary, capital, on));
    }

    public BalanceAssessed balanceEvent(UUID partner, BalanceRating rating, String on) {
        return new BalanceAssessed(network, partner, rating, d(on), null, null);
    }

    public String balance(UUID partner, BalanceRating rating, String on) {
        return add(balanceEvent(partner, rating, on));
    }

    // ---- evaluations ----

    /** Opens a network-wide evaluation and answers its evaluation id. */
    public UUID evaluation(Instrument instrument, boolean joint, String on) {
        return evaluation(instrument, joint, null, on);
    }

    public UUID evaluation(Instrument instrument, boolean joint, UUID subCoalition, String on) {
        UUID evaluation = newId("evaluation");
        add(new EvaluationOpened(network, evaluation, instrument, instrument + " " + on, joint, subCoalition, d(on),
                                 null, null));
        return evaluation;
    }

    public EvaluationResponseRecorded responseEvent(UUID evaluation, UUID partner, String on, Integer... scores) {
        return new EvaluationResponseRecorded(network, evaluation, partner, Level.MANAGEMENT, false, List.of(scores),
                                              null, d(on), null, null);
    }

    public String response(UUID evaluation, UUID partner, String on, Integer... scores) {
        return add(responseEvent(evaluation, partner, on, scores));
    }

    /** Agrees an improvement action and answers its action id. */
    public UUID action(String title, UUID owner, String dueOn, String on) {
        UUID action = newId("action");
        add(new ImprovementActionAgreed(network, action, null, title, owner, d(dueOn), d(on), null, null));
        return action;
    }

    public ImprovementActionCompleted completionEvent(UUID action, String on) {
        return new ImprovementActionCompleted(network, action, d(on), null, null);
    }

    public String completed(UUID action, String on) {
        return add(completionEvent(action, on));
    }

    // ---- corrections ----

    public String correct(String targetEventId, NetworkEvent replacement, String on) {
        return add(new EntryCorrected(network, targetEventId, "Logged wrongly", replacement, d(on), null, null));
    }

    public String retract(String targetEventId, String on) {
        return add(new EntryRetracted(network, targetEventId, "Did not happen", d(on), null, null));
    }
}
