package nl.samenspel.health.evaluation;

import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.kernel.evaluation.ImprovementActionAgreed;
import nl.samenspel.kernel.evaluation.ImprovementActionCompleted;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether lessons are followed up: of the improvement actions due in the last {@code evaluation.followThroughMonths}
 * (12, domain.md §5.9) months (due on or before the end of
 * the month), how many were completed by their due date. Actions owned by a partner that has withdrawn no longer
 * count.
 */
public record FollowThrough(List<Fact<ImprovementActionAgreed>> due, Map<UUID, Fact<ImprovementActionCompleted>> completions) {
    public static FollowThrough of(MonthContext month) {
        LocalDate from = month.end().minusMonths(month.days("evaluation.followThroughMonths"));
        Map<UUID, Fact<ImprovementActionAgreed>> agreed = new LinkedHashMap<>();
        for (Fact<ImprovementActionAgreed> action : month.all(ImprovementActionAgreed.class)) {
            agreed.put(action.event().actionId(), action);
        }
        List<Fact<ImprovementActionAgreed>> due = agreed.values().stream()
                .filter(a -> a.event().dueOn().isAfter(from) && !a.event().dueOn().isAfter(month.end()))
                .filter(a -> month.roster().isActive(a.event().ownerPartnerId(), month.end()))
                .toList();
        Map<UUID, Fact<ImprovementActionCompleted>> completions = new HashMap<>();
        for (Fact<ImprovementActionCompleted> completion : month.all(ImprovementActionCompleted.class)) {
            completions.putIfAbsent(completion.event().actionId(), completion);
        }
        return new FollowThrough(due, completions);
    }

    public boolean completedByDue(Fact<ImprovementActionAgreed> action) {
        Fact<ImprovementActionCompleted> completion = completions.get(action.event().actionId());
        return completion != null && !completion.on().isAfter(action.event().dueOn());
    }

    public List<Fact<ImprovementActionAgreed>> completedByDue() {
        return due.stream().filter(this::completedByDue).toList();
    }

    public List<Fact<ImprovementActionAgreed>> missed() {
        return due.stream().filter(a -> !completedByDue(a)).toList();
    }

    /** Completed by due ÷ due; empty when nothing was due. */
    public Optional<Double> share() {
        return due.isEmpty() ? Optional.empty() : Optional.of((double) completedByDue().size() / due.size());
    }

    public Optional<Fact<ImprovementActionCompleted>> completionOf(Fact<ImprovementActionAgreed> action) {
        return Optional.ofNullable(completions.get(action.event().actionId()));
    }
}
