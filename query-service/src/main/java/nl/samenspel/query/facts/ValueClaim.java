package nl.samenspel.query.facts;

import nl.samenspel.kernel.exchange.BeneficiaryGroup;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ValueQuestion;

import java.time.LocalDate;
import java.util.UUID;

/** Value the network created, for a partner or a group, in one of the three capitals, with what it is based on. */
public record ValueClaim(UUID beneficiaryPartnerId, BeneficiaryGroup beneficiaryGroup, Capital capital,
                         ValueQuestion questionId, String description, String evidence, LocalDate occurredOn,
                         String eventId) {
}
