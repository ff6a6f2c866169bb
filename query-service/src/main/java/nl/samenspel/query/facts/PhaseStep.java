package nl.samenspel.query.facts;

import nl.samenspel.kernel.network.Phase;

import java.time.LocalDate;

/** The network moved to a phase on a date. */
public record PhaseStep(Phase phase, String rationale, LocalDate occurredOn, String eventId) {
}
