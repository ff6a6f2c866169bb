package nl.samenspel.query.facts;

import nl.samenspel.kernel.structure.ContextKind;
import nl.samenspel.kernel.structure.Direction;

import java.time.LocalDate;
import java.util.UUID;

/** Something changed around the network (for one partner, when named). */
public record ContextChange(ContextKind kind, UUID partnerId, Direction direction, String summary,
                            LocalDate occurredOn, String eventId) {
}
