package nl.samenspel.eventstore;

import nl.samenspel.verify.ChainHash;

/**
 * The per-network integrity chain: {@code hash = SHA-256(canonical(event) ‖ previousHash)}.
 *
 * <p>The canonical form is every stored field of the event, in a fixed order, each written as its UTF-8 length
 * followed by its bytes, so that no two different events share a canonical form. The payload and metadata are hashed
 * as the exact serialized text that is stored, so a third party can verify an export without our serializer. The
 * form is defined once, in the offline verifier ({@link ChainHash}), and specified in {@code docs/verification.md}.
 */
public final class HashChain {

    /** The "previous hash" of the first event of a stream. */
    public static final String GENESIS = ChainHash.GENESIS;

    private HashChain() {
    }

    public static String hash(StoredEvent event, String previousHash) {
        return ChainHash.of(event.eventId(), event.aggregateType(), event.aggregateId(), event.sequenceNumber(),
                            event.timestamp(), event.payloadType(), event.payloadRevision(), event.payload(),
                            event.metaData(), previousHash);
    }
}
