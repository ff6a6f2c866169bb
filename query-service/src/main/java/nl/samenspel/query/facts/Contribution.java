package nl.samenspel.query.facts;

import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ContributionKind;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.Unit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a partner put in (geven en nemen): to the network when {@code toPartnerId} is absent, else to that partner.
 * {@code status} is the one with the latest business date in {@code statusHistory}, which starts with the status it
 * was recorded with.
 */
public record Contribution(UUID contributionId, UUID fromPartnerId, UUID toPartnerId, ContributionKind kind,
                           BigDecimal quantity, Unit unit, BigDecimal estimatedValueEur, Capital capital,
                           ContributionStatus status, LocalDate recordedOn, List<StatusChange> statusHistory,
                           String eventId) {

    /** The contribution reached a status on a date. */
    public record StatusChange(ContributionStatus status, LocalDate occurredOn, String eventId) {
    }

    public Contribution {
        statusHistory = Lists.copy(statusHistory);
    }

    Contribution withStatus(StatusChange change) {
        List<StatusChange> history = new ArrayList<>(statusHistory);
        history.add(change);
        ContributionStatus current = Chronology.latest(history, StatusChange::occurredOn).orElseThrow().status();
        return new Contribution(contributionId, fromPartnerId, toPartnerId, kind, quantity, unit, estimatedValueEur,
                                capital, current, recordedOn, history, eventId);
    }
}
