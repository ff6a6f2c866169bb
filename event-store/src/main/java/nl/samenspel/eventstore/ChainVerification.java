package nl.samenspel.eventstore;

/**
 * The outcome of recomputing one network's hash chain: intact, or the first event whose stored hash does not match
 * its content and predecessor.
 */
public record ChainVerification(String aggregateId,
                                long eventsChecked,
                                boolean intact,
                                String headHash,
                                Long brokenAtSequence,
                                Long brokenAtPosition,
                                String brokenEventId,
                                String storedHash,
                                String expectedHash) {

    static ChainVerification intact(String aggregateId, long checked, String headHash) {
        return new ChainVerification(aggregateId, checked, true, headHash, null, null, null, null, null);
    }

    static ChainVerification broken(String aggregateId, long checked, StoredEvent event, String expected) {
        return new ChainVerification(aggregateId, checked, false, null, event.sequenceNumber(), event.globalPosition(),
                                     event.eventId(), event.hash(), expected);
    }
}
