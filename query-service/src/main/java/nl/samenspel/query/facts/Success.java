package nl.samenspel.query.facts;

import nl.samenspel.kernel.structure.SuccessKind;

import java.time.LocalDate;

/** A success the network achieved: a grant, a tender, a milestone. */
public record Success(SuccessKind kind, String title, LocalDate occurredOn, String eventId) {
}
