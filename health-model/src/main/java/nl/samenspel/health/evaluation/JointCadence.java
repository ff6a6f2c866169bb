package nl.samenspel.health.evaluation;

import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.evaluation.Evaluations.Evaluation;
import nl.samenspel.kernel.network.NetworkFounded;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Whether the partners take stock together often enough: the last joint evaluation of the whole network that has
 * responses, how long ago it was opened, and which active partners answered it.
 *
 * <p>Evaluations of a sub-coalition do not count: they are joint within the sub-coalition, so measuring them against
 * every partner of the network would call them "not joint" by construction. Before any joint evaluation the cadence
 * runs from the founding date: a young network is not overdue yet.
 */
public record JointCadence(Optional<Evaluation> lastJoint, LocalDate since, long daysSince, boolean overdue,
                           Set<UUID> activePartners, Set<UUID> respondingPartners, Optional<Fact<NetworkFounded>> founded) {

    public static JointCadence of(MonthContext month) {
        List<Evaluation> joint = Evaluations.withResponses(month,
                opened -> Boolean.TRUE.equals(opened.joint()) && opened.subCoalitionId() == null);
        Optional<Evaluation> last = joint.isEmpty() ? Optional.empty() : Optional.of(joint.get(joint.size() - 1));
        Optional<Fact<NetworkFounded>> founded = month.all(NetworkFounded.class).stream().findFirst();
        LocalDate since = last.map(Evaluation::openedOn)
                              .orElseGet(() -> founded.map(Fact::on).orElse(month.end()));
        long days = ChronoUnit.DAYS.between(since, month.end());
        Set<UUID> active = month.activePartners();
        Set<UUID> responding = last.map(Evaluation::respondingPartners).orElse(Set.of());
        return new JointCadence(last, since, days, days > month.setting("evaluation.cadenceDays"), active,
                                Set.copyOf(responding), founded);
    }

    /** Share of active partners with at least one response in the last joint evaluation; empty without one. */
    public Optional<Double> jointness() {
        if (lastJoint.isEmpty() || activePartners.isEmpty()) {
            return Optional.empty();
        }
        long answered = activePartners.stream().filter(respondingPartners::contains).count();
        return Optional.of((double) answered / activePartners.size());
    }

    public boolean notJoint() {
        return jointness().map(share -> share < 1.0).orElse(false);
    }

    /** Active partners that did not answer the last joint evaluation. */
    public List<UUID> absentPartners() {
        return activePartners.stream().filter(p -> !respondingPartners.contains(p)).toList();
    }
}
