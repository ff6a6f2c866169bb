package nl.samenspel.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * A network's stream has a hole below its recorded head: an event is missing, pending or replaced by a placeholder.
 * Reads refuse to go on rather than skip past it, so no view, history or aggregate silently loses what follows and
 * no command reuses the freed sequence number.
 */
public class BrokenStreamException extends EventStoreException {
    private final String aggregateId;
    private final long sequenceNumber;

    public BrokenStreamException(String aggregateId, long sequenceNumber, long recordedHead, String what) {
        super("The log of " + aggregateId + " is broken at sequence " + sequenceNumber + " (" + what
                      + "), below its recorded head at sequence " + recordedHead + "; verify its integrity");
        this.aggregateId = aggregateId;
        this.sequenceNumber = sequenceNumber;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public long sequenceNumber() {
        return sequenceNumber;
    }
}
