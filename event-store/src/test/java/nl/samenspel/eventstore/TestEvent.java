package nl.samenspel.eventstore;

/** The payload the storage-engine tests append: which aggregate, which sequence, which writer. */
public record TestEvent(String aggregateId, long sequenceNumber, int writer) {
}
