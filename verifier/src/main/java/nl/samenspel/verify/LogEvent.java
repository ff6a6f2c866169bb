package nl.samenspel.verify;

/**
 * One stored event of a network's log with every hashed field exactly as hashed, its global position and stored
 * hash, whether the store marks it as not (or no longer) a committed event, and its seal: the platform's signature
 * over its receipt ({@link #receipt()}), null when it carries none.
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
                       boolean placeholder,
                       String seal) {

    /** The receipt the seal signs: the log of {@code aggregateId} ended at this event, with its hash, when recorded. */
    public Anchor receipt() {
        return new Anchor("receipt", aggregateId, sequenceNumber, hash, timestamp, seal);
    }
}
