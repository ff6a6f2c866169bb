package nl.samenspel.health.tension;

import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.kernel.tension.ConflictProgressed;
import nl.samenspel.kernel.tension.ConflictRegistered;
import nl.samenspel.kernel.tension.ConflictResolved;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The conflicts open at the end of a month, with their step on the de-escalation ladder (1 anger and blame,
 * 2 disappointment and concern, 3 needs and interests, 4 commitment to a solution, 5 effort for a solution). A
 * conflict without a recorded step stands at step 1. A conflict in which fewer than two parties are still active has
 * ended by the exit of a party and is no longer open.
 */
final class Conflicts {
    private Conflicts() {
    }

    record Open(UUID conflictId, List<UUID> parties, LocalDate registeredOn, int step, LocalDate stepSince,
                long daysOpen, List<String> evidence) {
    }

    static boolean anyRegistered(MonthContext month) {
        return !month.all(ConflictRegistered.class).isEmpty();
    }

    static List<Open> open(MonthContext month) {
        Set<UUID> resolved = new HashSet<>();
        month.all(ConflictResolved.class).forEach(r -> resolved.add(r.event().conflictId()));
        Set<UUID> active = month.activePartners();
        List<Open> open = new ArrayList<>();
        for (Fact<ConflictRegistered> c : month.all(ConflictRegistered.class)) {
            UUID id = c.event().conflictId();
            if (resolved.contains(id) || c.event().partyIds().stream().filter(active::contains).count() < 2) {
                continue;
            }
            int step = 1;
            LocalDate since = c.on();
            List<String> evidence = new ArrayList<>(List.of(c.id()));
            for (Fact<ConflictProgressed> p : month.all(ConflictProgressed.class)) {
                if (p.event().conflictId().equals(id)) {
                    step = p.event().ladderStep();
                    since = p.on();
                    evidence.add(p.id());
                }
            }
            open.add(new Open(id, c.event().partyIds(), c.on(), step, since,
                              ChronoUnit.DAYS.between(c.on(), month.end()), List.copyOf(evidence)));
        }
        return open;
    }

    /** Stuck: open longer than {@code conflict.stuckDays} and still at or below {@code conflict.stuckStep}. */
    static boolean stuck(MonthContext month, Open conflict) {
        return conflict.daysOpen() > month.setting("conflict.stuckDays") && conflict.step() <= month.setting("conflict.stuckStep");
    }
}
