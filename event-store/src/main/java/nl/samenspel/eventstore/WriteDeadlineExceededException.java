package nl.samenspel.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/** An append that took longer than the write deadline; none of its events were stored. */
public class WriteDeadlineExceededException extends EventStoreException {
    public WriteDeadlineExceededException(String message) {
        super(message);
    }
}
