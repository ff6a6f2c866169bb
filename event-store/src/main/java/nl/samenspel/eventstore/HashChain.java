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
        requireUnicode(event.payload());
        requireUnicode(event.metaData());
        return ChainHash.of(event.eventId(), event.aggregateType(), event.aggregateId(), event.sequenceNumber(),
                            event.timestamp(), event.payloadType(), event.payloadRevision(), event.payload(),
                            event.metaData(), previousHash);
    }

    /**
     * Text without an exact UTF-8 form (an unpaired surrogate) is refused rather than hashed as '?': the store would
     * keep U+FFFD instead, and the chain would stay broken at that event for good.
     */
    private static void requireUnicode(String field) {
        if (field == null) {
            return;
        }
        // A loop over the chars: encoding the text to find out cost an encoder and a buffer per event.
        for (int i = 0, n = field.length(); i < n; i++) {
            char c = field.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(field.charAt(i + 1))) {
                    i++;
                } else {
                    throw new IllegalArgumentException("An event holds text that is not well-formed Unicode (an "
                                                               + "unpaired surrogate at index " + i + "); it cannot be "
                                                               + "stored as it would be hashed");
                }
            }
        }
    }
}
