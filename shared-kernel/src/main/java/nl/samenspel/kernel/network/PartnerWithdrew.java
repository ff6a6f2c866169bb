package nl.samenspel.kernel.network;

import nl.samenspel.kernel.Source;

import java.time.LocalDate;
import java.util.UUID;

/** A partner left the network. Later facts naming it are refused unless they happened before it left. */
public record PartnerWithdrew(UUID networkId,
                              UUID partnerId,
                              String reason,
                              LocalDate occurredOn,
                              Source source,
                              String note) implements NetworkEvent {
}
