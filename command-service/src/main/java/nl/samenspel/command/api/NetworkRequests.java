package nl.samenspel.command.api;

import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.Motive;
import nl.samenspel.kernel.network.ParticipationLevel;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Bodies of the command endpoints. A client may send a {@code commandId} to make a resend safe; without one the
 * server picks it. Who recorded the entry and when are never read from the body.
 */
public final class NetworkRequests {
    private NetworkRequests() {
    }

    public record FoundNetworkRequest(UUID commandId, String name, String sector, String region,
                                      CollaborationForm collaborationForm, String societalTask, LocalDate foundedOn,
                                      Source source, String note) {
    }

    public record JoinPartnerRequest(UUID commandId, UUID partnerId, String name, String partnerType,
                                     ParticipationLevel participationLevel, Set<Motive> motives, LocalDate occurredOn,
                                     Source source, String note) {
    }

    public record WithdrawPartnerRequest(UUID commandId, String reason, LocalDate occurredOn, Source source,
                                         String note) {
    }
}
