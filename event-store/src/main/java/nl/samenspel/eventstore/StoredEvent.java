package nl.samenspel.eventstore;

import org.bson.Document;

/**
 * One event as it lies in the event collection: the fields that are hashed, plus its global position and chain hash.
 * Also the shape of a line in the JSON Lines export, so that a third party can verify the chain offline.
 */
public record StoredEvent(long globalPosition,
                          String eventId,
                          String aggregateType,
                          String aggregateId,
                          long sequenceNumber,
                          String timestamp,
                          String payloadType,
                          String payloadRevision,
                          String payload,
                          String metaData,
                          String hash) {

    static StoredEvent from(Document doc) {
        return new StoredEvent(doc.getLong(EventDocuments.ID),
                               doc.getString(EventDocuments.EVENT_ID),
                               doc.getString(EventDocuments.AGGREGATE_TYPE),
                               doc.getString(EventDocuments.AGGREGATE_ID),
                               doc.getLong(EventDocuments.SEQUENCE),
                               doc.getString(EventDocuments.TIMESTAMP),
                               doc.getString(EventDocuments.PAYLOAD_TYPE),
                               doc.getString(EventDocuments.PAYLOAD_REVISION),
                               doc.getString(EventDocuments.PAYLOAD),
                               doc.getString(EventDocuments.META_DATA),
                               doc.getString(EventDocuments.HASH));
    }

    /**
     * The event's receipt: its network's log ended at it, with its hash, when it was recorded; signed with
     * {@code signature} (its seal), or unsigned when that is null.
     */
    public nl.samenspel.verify.Anchor receipt(String signature) {
        return new nl.samenspel.verify.Anchor("receipt", aggregateId, sequenceNumber, hash, timestamp, signature);
    }

    StoredEvent withHash(String newHash) {
        return new StoredEvent(globalPosition, eventId, aggregateType, aggregateId, sequenceNumber, timestamp,
                               payloadType, payloadRevision, payload, metaData, newHash);
    }
}
