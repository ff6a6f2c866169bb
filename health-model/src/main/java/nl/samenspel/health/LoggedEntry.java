package nl.samenspel.health;

import nl.samenspel.kernel.network.NetworkEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a network's log as the health model sees it: the event, its id (evidence points at it), its place in
 * the network's stream and when it was recorded (for "as known at").
 */
public record LoggedEntry(String eventId, long sequence, Instant recordedAt, NetworkEvent event) {

    public LocalDate occurredOn() {
        return event.occurredOn();
    }

    LoggedEntry replacedBy(NetworkEvent replacement) {
        return new LoggedEntry(eventId, sequence, recordedAt, replacement);
    }
}
