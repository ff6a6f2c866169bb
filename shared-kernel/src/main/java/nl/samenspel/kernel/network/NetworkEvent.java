package nl.samenspel.kernel.network;

import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.validation.StoredText;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What every logged fact of a network carries in its payload: the network and the business date it happened on.
 * The server-side half of the envelope (event id, recording time, who recorded it, sequence, global position)
 * travels with the event message and its metadata, never in what a client sends.
 */
@StoredText
public interface NetworkEvent {
    UUID networkId();

    LocalDate occurredOn();

    Source source();

    String note();
}
