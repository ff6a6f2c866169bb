package nl.samenspel.eventstore;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The per-network integrity chain: {@code hash = SHA-256(canonical(event) ‖ previousHash)}.
 *
 * <p>The canonical form is every stored field of the event, in a fixed order, each written as its UTF-8 length
 * followed by its bytes, so that no two different events share a canonical form. The payload and metadata are hashed
 * as the exact serialized text that is stored, so a third party can verify an export without our serializer.
 */
public final class HashChain {

    /** The "previous hash" of the first event of a stream. */
    public static final String GENESIS = "";

    private HashChain() {
    }

    public static String hash(StoredEvent event, String previousHash) {
        MessageDigest digest = sha256();
        for (String field : new String[]{
                event.eventId(), event.aggregateType(), event.aggregateId(), Long.toString(event.sequenceNumber()),
                event.timestamp(), event.payloadType(), event.payloadRevision(), event.payload(), event.metaData()}) {
            update(digest, field);
        }
        update(digest, previousHash);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String field) {
        if (field == null) {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = utf8(field);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /**
     * The exact UTF-8 form of {@code field}. Text without one (an unpaired surrogate) is refused rather than hashed as
     * '?': the store would keep U+FFFD instead, and the chain would stay broken at that event for good.
     */
    private static byte[] utf8(String field) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                                                       .onMalformedInput(CodingErrorAction.REPORT)
                                                       .onUnmappableCharacter(CodingErrorAction.REPORT)
                                                       .encode(CharBuffer.wrap(field));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("An event holds text that is not well-formed Unicode (an unpaired "
                                                       + "surrogate); it cannot be stored as it would be hashed", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
