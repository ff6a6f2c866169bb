package nl.samenspel.query.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Someone asked partners to account for the network's results. */
public record AccountabilityRequest(String requester, List<UUID> partnerIds, boolean alignedWithOtherRequests,
                                    LocalDate occurredOn, String eventId) {
    public AccountabilityRequest {
        partnerIds = Lists.copy(partnerIds);
    }
}
