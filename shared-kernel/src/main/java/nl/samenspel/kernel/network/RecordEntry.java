package nl.samenspel.kernel.network;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Log one entry of the event catalogue for a network: the entry is the event as the coordinator describes it; the
 * network decides whether it may become part of the history.
 */
public record RecordEntry(@TargetAggregateIdentifier UUID networkId, UUID commandId, NetworkEvent entry)
        implements NetworkCommand {
}
