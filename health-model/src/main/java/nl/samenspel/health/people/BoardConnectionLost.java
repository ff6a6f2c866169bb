package nl.samenspel.health.people;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.health.state.NetworkFacts;
import nl.samenspel.health.state.Representatives;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.RepresentativeDeparted;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A10, board connection lost (bestuurlijke aansluiting kwijt): a partner's board cell of the figure eight has been
 * open for more than {@code board.openDays} (180) days, or a board-level representative left without any hand-over
 * (handover {@code none}) and without a successor within {@code people.successorDays} (60) days.
 *
 * <p>The departure part is raised once the 60 days have passed, holds while the partner is active and still has
 * had no board appointment since the departure, and clears with a late successor.
 *
 * <p>A {@code partial} hand-over counts as a hand-over, here as in A11: both alerts are about departures where
 * nothing was handed over ({@code none}). A board seat left empty after a partial hand-over is still caught by the
 * open-cell part once it has been open too long; H9 (continuity) is the stricter figure and counts only {@code done}. The open-cell part needs a network
 * that logs its representatives at all (as H10 does).
 */
public final class BoardConnectionLost implements AlertRule {
    public static final String ID = "A10";
    static final String RESPONSE = "Restore the board connection: ask the partner to name a board representative and "
            + "bring them to the next board-level meeting; a strategic collaboration cannot succeed without close "
            + "involvement of the boards, and it has to be carried at every level.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        List<String> reasons = new ArrayList<>();
        List<Alert.Reason> why = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        if (Representatives.recorded(month)) {
            FigureEight eight = FigureEight.of(month);
            for (UUID partner : month.activePartners()) {
                if (eight.boardOpenTooLong(partner)) {
                    reasons.add(month.roster().name(partner) + " has had no connected board representative for more than "
                                        + month.days("board.openDays") + " days");
                    why.add(Alert.Reason.of("boardOpen", month.roster().name(partner), month.days("board.openDays")));
                    eight.posts().stream().filter(p -> p.partnerId().equals(partner) && p.level() == Level.BOARD)
                         .forEach(p -> {
                             if (p.appointedEventId() != null) {
                                 evidence.add(p.appointedEventId());
                             }
                             if (p.departedEventId() != null) {
                                 evidence.add(p.departedEventId());
                             }
                         });
                    eight.attended(partner, Level.BOARD).stream().reduce((a, b) -> b).ifPresent(m -> evidence.add(m.id()));
                }
            }
        }
        for (Fact<RepresentativeDeparted> d : month.all(RepresentativeDeparted.class)) {
            if (d.event().level() == Level.BOARD && d.event().handover() == Handover.NONE
                    && month.roster().isActive(d.event().partnerId(), month.end())
                    && Representatives.successorWindowPassed(month, d)
                    && Representatives.laterAppointment(month, d).isEmpty()) {
                reasons.add("the board representative of " + month.roster().name(d.event().partnerId()) + " left on "
                                    + d.on() + " without hand-over or successor");
                why.add(Alert.Reason.of("boardLeft", month.roster().name(d.event().partnerId()), d.on()));
                evidence.add(d.id());
            }
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        String detail = Character.toUpperCase(reasons.get(0).charAt(0)) + String.join("; ", reasons).substring(1) + ".";
        return Optional.of(new Alert(ID, "Board connection lost", Severity.CRITICAL, detail,
                                     NetworkFacts.evidence(evidence), RESPONSE, why));
    }
}
