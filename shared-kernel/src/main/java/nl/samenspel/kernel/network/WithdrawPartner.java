package nl.samenspel.kernel.network;

import nl.samenspel.kernel.Source;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Record that a partner leaves the network. */
public record WithdrawPartner(@TargetAggregateIdentifier UUID networkId,
                              UUID commandId,
                              UUID partnerId,
                              String reason,
                              LocalDate occurredOn,
                              Source source,
                              String note) implements NetworkCommand {
}
