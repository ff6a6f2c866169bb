package nl.samenspel.eventstore;

import org.bson.Document;

/**
 * Field names and shapes of the documents in the event collection.
 *
 * <p>Every allocated global position ends up as exactly one document with {@code _id} = position: a committed event,
 * or a placeholder (the position of a failed or abandoned append, so that trackers need not wait for it). The events of
 * a multi-event commit are written by one ordered insert and are delivered only once the last of them, the seal, is in.
 * Stores written before the seal existed may also hold pending events, which no reader delivers.
 */
final class EventDocuments {
    static final String ID = "_id";
    static final String STREAM_KEY = "streamKey";
    /** The platform's signature over the event's receipt: see {@code MongoEventStorageEngine.Builder#sealingKey}. */
    static final String SEAL = "seal";
    static final String EVENT_ID = "eventId";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_ID = "aggregateId";
    static final String SEQUENCE = "sequenceNumber";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String HASH = "hash";
    /** When the writer allocated the position (its clock, epoch millis): the basis of gap time-outs. */
    static final String ALLOCATED_AT = "allocatedAt";
    static final String PENDING = "pending";
    /**
     * On every event of a multi-event commit: the commit's first position and its size, so readers can find its seal
     * (the last position) and take all of the commit or none.
     */
    static final String COMMIT_FIRST = "commitFirst";
    static final String COMMIT_SIZE = "commitSize";
    static final String PLACEHOLDER = "placeholder";
    /**
     * The id of the command that caused the event (its metadata entry {@code commandId}), copied to the top level so
     * that a unique sparse index makes "this command was already handled" an exact-key lookup, checked atomically
     * with the append. Absent on placeholders and snapshots.
     */
    static final String COMMAND_ID = "commandId";

    private EventDocuments() {
    }

    static String streamKey(String aggregateId, long sequenceNumber) {
        return aggregateId + ":" + sequenceNumber;
    }

    static Document placeholder(long position, long allocatedAt) {
        // A stream key of its own keeps the unique index happy on servers that index missing fields as null.
        return new Document(ID, position)
                .append(STREAM_KEY, "placeholder:" + position)
                .append(PLACEHOLDER, true)
                .append(ALLOCATED_AT, allocatedAt);
    }

    /**
     * Whether an event document stands where the log has it: under the stream key of its own network and sequence
     * number. Only such a document is an entry of the network's log (the log is read, verified and exported by stream
     * key); one under another key was not written by this store and is no entry of any log.
     */
    static boolean inItsStream(Document doc) {
        Number sequence = doc.get(SEQUENCE, Number.class);
        String aggregateId = doc.getString(AGGREGATE_ID);
        return sequence != null && aggregateId != null
                && streamKey(aggregateId, sequence.longValue()).equals(doc.getString(STREAM_KEY));
    }

    static boolean isPlaceholder(Document doc) {
        return doc.getBoolean(PLACEHOLDER, false);
    }

    static boolean isPending(Document doc) {
        return doc.getBoolean(PENDING, false);
    }

    /** Committed and released: a real event that readers may deliver (if the rest of its commit is too). */
    static boolean isReleasedEvent(Document doc) {
        return doc != null && !isPending(doc) && !isPlaceholder(doc);
    }

    static Document toDocument(StoredEvent event, long allocatedAt, long commitFirst, int commitSize) {
        Document doc = toDocument(event, allocatedAt, false);
        if (commitSize > 1) {
            doc.append(COMMIT_FIRST, commitFirst).append(COMMIT_SIZE, commitSize);
        }
        return doc;
    }

    static Document toDocument(StoredEvent event, long allocatedAt, boolean pending) {
        Document doc = new Document(ID, event.globalPosition())
                .append(STREAM_KEY, streamKey(event.aggregateId(), event.sequenceNumber()))
                .append(EVENT_ID, event.eventId())
                .append(AGGREGATE_TYPE, event.aggregateType())
                .append(AGGREGATE_ID, event.aggregateId())
                .append(SEQUENCE, event.sequenceNumber())
                .append(TIMESTAMP, event.timestamp())
                .append(PAYLOAD_TYPE, event.payloadType())
                .append(PAYLOAD_REVISION, event.payloadRevision())
                .append(PAYLOAD, event.payload())
                .append(META_DATA, event.metaData())
                .append(HASH, event.hash())
                .append(ALLOCATED_AT, allocatedAt);
        if (pending) {
            doc.append(PENDING, true);
        }
        return doc;
    }
}
