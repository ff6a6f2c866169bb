package nl.samenspel.query.facts;

import java.time.LocalDate;
import java.util.UUID;

/** An improvement action agreed after an evaluation (or on its own), with its owner and due date. */
public record ImprovementAction(UUID actionId, UUID evaluationId, String title, UUID ownerPartnerId, LocalDate dueOn,
                                LocalDate agreedOn, LocalDate completedOn, String eventId) {

    public boolean completed() {
        return completedOn != null;
    }

    /** Not completed while its due date has passed. */
    public boolean overdueOn(LocalDate today) {
        return !completed() && dueOn != null && dueOn.isBefore(today);
    }

    ImprovementAction completedOn(LocalDate on) {
        return new ImprovementAction(actionId, evaluationId, title, ownerPartnerId, dueOn, agreedOn, on, eventId);
    }
}
