package nl.samenspel.query.facts;

import nl.samenspel.kernel.exchange.BalanceRating;

import java.time.LocalDate;
import java.util.UUID;

/** How a partner experienced the balance of give and take on a date. */
public record BalanceAssessment(UUID partnerId, BalanceRating rating, String note, LocalDate occurredOn,
                                String eventId) {
}
