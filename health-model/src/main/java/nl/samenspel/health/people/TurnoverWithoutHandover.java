package nl.samenspel.health.people;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.health.state.Agreements;
import nl.samenspel.health.state.NetworkFacts;
import nl.samenspel.health.state.Representatives;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.RepresentativeDeparted;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A11, turnover without hand-over (personele wisseling zonder overdracht), two rules:
 * <ul>
 *   <li>a departure with handover {@code none} and no successor within {@code people.successorDays} (60) days: raised
 *       once the 60 days have passed, held while the partner is active and still has had no appointment at that
 *       level since, cleared by a late successor;</li>
 *   <li>the first departure in the network's history happened while no staff-changes rule of play was in force:
 *       raised in the month of that departure and held until such a rule is in force.</li>
 * </ul>
 * A {@code partial} hand-over counts as a hand-over, here as in A10: both alerts are about departures where nothing
 * was handed over. H9 (continuity) is the stricter figure and counts only {@code done}.
 */
public final class TurnoverWithoutHandover implements AlertRule {
    public static final String ID = "A11";
    static final String RESPONSE = "Agree beforehand, as a rule of play, how the partners deal with staff changes: who "
            + "introduces a successor, how work and relations are handed over, and how the successor is brought into "
            + "the network's history and agreements.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        List<String> reasons = new ArrayList<>();
        List<Alert.Reason> why = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        List<Fact<RepresentativeDeparted>> departures = month.all(RepresentativeDeparted.class);
        for (Fact<RepresentativeDeparted> d : departures) {
            if (d.event().handover() == Handover.NONE
                    && month.roster().isActive(d.event().partnerId(), month.end())
                    && Representatives.successorWindowPassed(month, d)
                    && Representatives.laterAppointment(month, d).isEmpty()) {
                reasons.add("a " + d.event().level().name().toLowerCase() + " representative of "
                                    + month.roster().name(d.event().partnerId()) + " left on " + d.on()
                                    + " without hand-over or successor");
                why.add(Alert.Reason.of("left", Alert.Reason.label(d.event().level()),
                                        month.roster().name(d.event().partnerId()), d.on()));
                evidence.add(d.id());
            }
        }
        if (!departures.isEmpty()) {
            Fact<RepresentativeDeparted> first = departures.get(0);
            // the rule now is read from the month's state; the rule then needs the agreements folded to that day
            boolean ruleNow = !Agreements.rulesInForce(month, month.end(), RuleTheme.STAFF_CHANGES).isEmpty();
            boolean ruleThen = !ruleNow && !Agreements.rulesInForce(month, first.on(), RuleTheme.STAFF_CHANGES).isEmpty();
            if (!ruleThen && !ruleNow) {
                reasons.add("the first staff change (" + first.on() + ") came without a rule of play on staff changes");
                why.add(Alert.Reason.of("noRule", first.on()));
                evidence.add(first.id());
            }
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        String detail = Character.toUpperCase(reasons.get(0).charAt(0)) + String.join("; ", reasons).substring(1) + ".";
        return Optional.of(new Alert(ID, "Turnover without hand-over", Severity.WARNING, detail,
                                     NetworkFacts.evidence(evidence), RESPONSE, why));
    }
}
