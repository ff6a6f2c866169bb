package nl.samenspel.health.phase;

import nl.samenspel.health.Fact;
import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.Roster;
import nl.samenspel.health.Status;
import nl.samenspel.health.dip.NetworkEnergy;
import nl.samenspel.health.state.Agreements;
import nl.samenspel.health.state.LeadRoles;
import nl.samenspel.health.state.NetworkFacts;
import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.ambition.AmbitionStated;
import nl.samenspel.kernel.evaluation.EvaluationOpened;
import nl.samenspel.kernel.network.Phase;
import nl.samenspel.kernel.network.PhaseChanged;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * H17, the phase the data suggest (domain.md §5.10), next to the phase the coordinator confirmed with
 * {@code PhaseChanged}. The first rule that holds at the end of the month wins:
 * <ol>
 *   <li>winding-down: at least {@code phase.windingDownShare} (half) of all partners that ever joined have withdrawn,
 *       or fewer than 2 partners are active {@code phase.windingDownAfterMonths} (6) or more months after the
 *       founding month;</li>
 *   <li>dip: H5 puts the network in a dip;</li>
 *   <li>restart: H5 entered its restart phase at most {@code phase.restartMonths} (6) months before this month;</li>
 *   <li>reassessment: a new ambition version (version 2 or later) was stated, or a joint evaluation opened, in the last
 *       {@code phase.reassessmentDays} (90) days, after at least {@code phase.reassessmentAfterMonths} (24) months
 *       suggested as execution (or reassessment);</li>
 *   <li>execution: governance or rule agreements are in force and H5's ratio to the peak has been at least
 *       {@code phase.executionRatio} (0.5) in this month and the months before it, {@code phase.executionMonths} (3)
 *       in all;</li>
 *   <li>set-up: a governance agreement is in force, or a lead role is held;</li>
 *   <li>agreement: an ambition was stated and at least one agreement made;</li>
 *   <li>exploration: at least 2 partners are active;</li>
 *   <li>initiative: otherwise.</li>
 * </ol>
 *
 * <p>Figures: {@code suggested} (the phase's wire name), {@code rule} (1–9) and {@code reason} (the rule in words),
 * for rules 1, 4, 5 and 8 {@code ruleValues} (rule 1: the partners withdrawn and all partners, or, where fewer than
 * two are active, the months after the founding; rule 4: the months of execution before; rule 5: the energy ratio and
 * the months it needs; rule 8: the active partners),
 * {@code executionMonths} (months suggested as execution or reassessment so far, this one included);
 * with a confirmed phase also {@code confirmed}, {@code confirmedOn}, {@code inStep}, and while the two differ
 * {@code outOfStepSince} (the first day they differed: the start of the first differing month, or the confirmation
 * when that came later), {@code outOfStepDays} and {@code watchAfterDays}. Status: WATCH when the suggestion has
 * differed from the confirmed phase for {@code phase.outOfStepDays} (60, given as {@code watchAfterDays}) days or more
 * (alert A18), OK otherwise. Without a confirmed phase there is nothing to be out of step with. Evidence: the
 * confirming entry and the entries the winning rule rests on.
 *
 * <p>Needs H5 for the month (the catalogue registers H17 after it).
 */
public final class PhaseSuggestion implements Indicator {
    public static final String ID = "H17";
    public static final String NAME = "Phase (fase)";

    /** A suggestion, the rule that chose it and the figures its words take ({@code ruleValues}: rules 1, 4, 5, 8). */
    private record Suggestion(Phase phase, int rule, String reason, List<String> evidence, List<Number> values) {
        Suggestion(Phase phase, int rule, String reason, List<String> evidence) {
            this(phase, rule, reason, evidence, List.of());
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** Reads earlier months: how long execution has lasted, and when energy last restarted, come from them. */
    @Override
    public boolean readsEarlierMonths() {
        return true;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        int executedBefore = executionMonthsBefore(month);
        Suggestion suggestion = suggest(month, executedBefore);
        int executionMonths = executedBefore
                + (suggestion.phase() == Phase.EXECUTION || suggestion.phase() == Phase.REASSESSMENT ? 1 : 0);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("suggested", wire(suggestion.phase()));
        figures.put("rule", suggestion.rule());
        figures.put("reason", suggestion.reason());
        if (!suggestion.values().isEmpty()) {
            figures.put("ruleValues", suggestion.values());
        }
        figures.put("executionMonths", executionMonths);
        List<String> evidence = new ArrayList<>();
        Optional<Fact<PhaseChanged>> confirmed = month.all(PhaseChanged.class).stream().reduce((a, b) -> b);
        Status status = Status.OK;
        if (confirmed.isPresent()) {
            Phase phase = confirmed.get().event().phase();
            boolean inStep = phase == suggestion.phase();
            figures.put("confirmed", wire(phase));
            figures.put("confirmedOn", confirmed.get().on().toString());
            figures.put("inStep", inStep);
            evidence.add(confirmed.get().id());
            if (!inStep) {
                LocalDate since = outOfStepSince(month, confirmed.get().on());
                long days = ChronoUnit.DAYS.between(since, month.end());
                figures.put("outOfStepSince", since.toString());
                figures.put("outOfStepDays", (int) days);
                // after how many days apart the two are marked WATCH (and A18 holds), so a reader of a line still
                // "in order" sees that the difference is counted
                figures.put("watchAfterDays", (int) Math.round(month.setting("phase.outOfStepDays")));
                status = days >= month.setting("phase.outOfStepDays") ? Status.WATCH : Status.OK;
            }
        }
        evidence.addAll(suggestion.evidence());
        return new IndicatorValue(ID, NAME, status, Collections.unmodifiableMap(figures), NetworkFacts.evidence(evidence));
    }

    /** The suggestion of the month; {@code executedBefore}: the months suggested as execution before it. */
    private static Suggestion suggest(MonthContext month, int executedBefore) {
        Roster roster = month.roster();
        int active = month.activePartners().size();
        List<Roster.Member> members = List.copyOf(roster.members());
        long withdrawn = members.stream().filter(m -> m.withdrawnOn() != null && !m.withdrawnOn().isAfter(month.end())).count();
        long monthsOld = NetworkFacts.foundedOn(month)
                                     .map(f -> ChronoUnit.MONTHS.between(YearMonth.from(f), month.month())).orElse(0L);
        if (!members.isEmpty() && withdrawn >= month.setting("phase.windingDownShare") * members.size()) {
            return new Suggestion(Phase.WINDING_DOWN, 1, withdrawn + " of " + members.size() + " partners have withdrawn",
                                  List.of(), List.of(withdrawn, members.size()));
        }
        if (active < 2 && monthsOld >= month.setting("phase.windingDownAfterMonths")) {
            return new Suggestion(Phase.WINDING_DOWN, 1, "fewer than 2 active partners after month "
                                  + month.days("phase.windingDownAfterMonths"), List.of(),
                                  List.of(month.days("phase.windingDownAfterMonths")));
        }
        IndicatorValue energy = month.indicator(NetworkEnergy.class);
        Object dipPhase = energy == null ? null : energy.figure("phase");
        if (NetworkEnergy.IN_DIP.equals(dipPhase)) {
            return new Suggestion(Phase.DIP, 2, "the network is in a dip", energy.evidence());
        }
        Optional<YearMonth> restarted = restartMonth(month);
        if (NetworkEnergy.RESTART.equals(dipPhase) && restarted.isPresent()
                && !month.month().isAfter(restarted.get().plusMonths(month.days("phase.restartMonths")))) {
            return new Suggestion(Phase.RESTART, 3, "restarted in " + restarted.get(), List.of());
        }
        LocalDate recent = month.end().minusDays(month.days("phase.reassessmentDays"));
        if (executedBefore >= month.setting("phase.reassessmentAfterMonths")) {
            List<String> occasions = new ArrayList<>();
            month.between(AmbitionStated.class, recent, month.end()).stream().filter(a -> a.event().version() > 1)
                 .forEach(a -> occasions.add(a.id()));
            month.between(EvaluationOpened.class, recent, month.end()).stream()
                 .filter(e -> Boolean.TRUE.equals(e.event().joint())).forEach(e -> occasions.add(e.id()));
            if (!occasions.isEmpty()) {
                return new Suggestion(Phase.REASSESSMENT, 4, "a new ambition or a joint evaluation after "
                                      + executedBefore + " months of execution", occasions, List.of(executedBefore));
            }
        }
        List<Fact<AgreementMade>> structure = Agreements.inForce(month, month.end()).stream()
                                                        .filter(a -> Agreements.isStructure(a.event())).toList();
        int executionNeeds = month.days("phase.executionMonths");
        if (!structure.isEmpty() && energeticFor(month, executionNeeds)) {
            double ratio = month.setting("phase.executionRatio");
            return new Suggestion(Phase.EXECUTION, 5, "governance or rules in force and energy at " + Math.round(100 * ratio)
                                  + " % of its peak or more for " + executionNeeds + " months", ids(structure),
                                  List.of(ratio, executionNeeds));
        }
        List<Fact<AgreementMade>> governance = structure.stream()
                                                        .filter(a -> a.event().kind() == AgreementKind.GOVERNANCE).toList();
        List<LeadRoles.Held> leads = LeadRoles.active(month);
        if (!governance.isEmpty() || !leads.isEmpty()) {
            List<String> basis = new ArrayList<>(ids(governance));
            leads.forEach(l -> basis.add(l.eventId()));
            return new Suggestion(Phase.SET_UP, 6, "a governance agreement or a lead role, not yet execution", basis);
        }
        List<Fact<AmbitionStated>> ambitions = month.all(AmbitionStated.class);
        List<Fact<AgreementMade>> agreements = month.all(AgreementMade.class);
        if (!ambitions.isEmpty() && !agreements.isEmpty()) {
            return new Suggestion(Phase.AGREEMENT, 7, "an ambition stated and an agreement made",
                                  List.of(ambitions.get(ambitions.size() - 1).id(), agreements.get(0).id()));
        }
        if (active >= 2) {
            return new Suggestion(Phase.EXPLORATION, 8, active + " active partners", List.of(), List.of(active));
        }
        return new Suggestion(Phase.INITIATIVE, 9, "none of the other rules holds", List.of());
    }

    /** H5's ratio at or above the execution ratio in this month and the {@code months} − 1 before it. */
    private static boolean energeticFor(MonthContext month, int months) {
        double floor = month.setting("phase.executionRatio");
        List<IndicatorValue> values = new ArrayList<>();
        values.add(month.indicator(NetworkEnergy.class));
        List<MonthHealth> previous = month.previous();
        for (int i = previous.size() - 1; i >= 0 && values.size() < months; i--) {
            values.add(previous.get(i).indicator(NetworkEnergy.ID));
        }
        return values.size() == months
               && values.stream().allMatch(v -> v != null && v.number("ratio") >= floor);
    }

    /** The last month H5 entered its restart phase, this one included. */
    private static Optional<YearMonth> restartMonth(MonthContext month) {
        IndicatorValue now = month.indicator(NetworkEnergy.class);
        if (now != null && Boolean.TRUE.equals(now.figure("phaseChanged")) && NetworkEnergy.RESTART.equals(now.figure("phase"))) {
            return Optional.of(month.month());
        }
        List<MonthHealth> previous = month.previous();
        for (int i = previous.size() - 1; i >= 0; i--) {
            IndicatorValue h5 = previous.get(i).indicator(NetworkEnergy.ID);
            if (h5 != null && Boolean.TRUE.equals(h5.figure("phaseChanged")) && NetworkEnergy.RESTART.equals(h5.figure("phase"))) {
                return Optional.of(previous.get(i).month());
            }
        }
        return Optional.empty();
    }

    private static int executionMonthsBefore(MonthContext month) {
        List<MonthHealth> previous = month.previous();
        for (int i = previous.size() - 1; i >= 0; i--) {
            IndicatorValue h17 = previous.get(i).indicator(ID);
            if (h17 != null && h17.figure("executionMonths") instanceof Number n) {
                return n.intValue();
            }
        }
        return 0;
    }

    /** Carried from the month before while the two stayed apart; otherwise they parted this month. */
    private static LocalDate outOfStepSince(MonthContext month, LocalDate confirmedOn) {
        List<MonthHealth> previous = month.previous();
        IndicatorValue before = previous.isEmpty() ? null : previous.get(previous.size() - 1).indicator(ID);
        if (before != null && before.figure("outOfStepSince") instanceof String since
                && confirmedOn.toString().equals(before.figure("confirmedOn"))) {
            return LocalDate.parse(since);
        }
        LocalDate start = month.month().atDay(1);
        return confirmedOn.isAfter(start) ? confirmedOn : start;
    }

    private static List<String> ids(List<Fact<AgreementMade>> agreements) {
        return agreements.stream().map(Fact::id).toList();
    }

    static String wire(Phase phase) {
        return phase.name().toLowerCase().replace('_', '-');
    }
}
