package nl.samenspel.query.facts;

import nl.samenspel.kernel.tension.Intervention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A conflict between partners, its way along the de-escalation ladder, and how it was resolved. */
public record Conflict(UUID conflictId, List<UUID> partyIds, String issue, LocalDate registeredOn,
                       List<LadderStep> ladder, LocalDate resolvedOn, String resolution, String eventId) {

    /** A step on the five-step de-escalation ladder, reached through an intervention. */
    public record LadderStep(Integer step, Intervention intervention, LocalDate occurredOn, String eventId) {
    }

    public Conflict {
        partyIds = Lists.copy(partyIds);
        ladder = Lists.copy(ladder);
    }

    public boolean open() {
        return resolvedOn == null;
    }

    /** The ladder step with the latest business date, or null before any progress was logged. */
    public Integer currentStep() {
        return Chronology.latest(ladder, LadderStep::occurredOn).map(LadderStep::step).orElse(null);
    }

    Conflict progressed(LadderStep step) {
        List<LadderStep> all = new ArrayList<>(ladder);
        all.add(step);
        return new Conflict(conflictId, partyIds, issue, registeredOn, all, resolvedOn, resolution, eventId);
    }

    Conflict resolved(LocalDate on, String how) {
        return new Conflict(conflictId, partyIds, issue, registeredOn, ladder, on, how, eventId);
    }
}
