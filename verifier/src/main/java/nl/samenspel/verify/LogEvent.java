package nl.samenspel.verify;

/**
 * One stored event of a network's log with every hashed field exactly as hashed, its global position and stored
 * hash, and whether the store marks it as not (or no longer) a committed event.
 */
public record LogEvent(long globalPosition,
                       String eventId,
                       String aggregateType,
                       String aggregateId,
                       long sequenceNumber,
                       String timestamp,
                       String payloadType,
                       String payloadRevision,
                       String payload,
                       String metaData,
                       String hash,
                       boolean pending,
                       boolean placeholder) {
}
