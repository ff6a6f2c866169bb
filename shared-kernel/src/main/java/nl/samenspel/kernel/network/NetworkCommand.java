package nl.samenspel.kernel.network;

import java.util.UUID;

/** A request to log a fact about one network, identified by a client-chosen command id that makes resending safe. */
public interface NetworkCommand {
    UUID networkId();

    UUID commandId();
}
