package nl.samenspel.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashed form of one event in a network's log, as specified in {@code docs/verification.md}:
 * {@code hash = hex(SHA-256(field(eventId) ‖ field(aggregateType) ‖ field(aggregateId) ‖ field(sequenceNumber) ‖
 * field(timestamp) ‖ field(payloadType) ‖ field(payloadRevision) ‖ field(payload) ‖ field(metaData) ‖
 * field(previousHash)))}, where {@code field(s)} is the 4-byte big-endian length of the UTF-8 bytes of {@code s}
 * followed by those bytes, and {@code field(null)} is the four bytes {@code FF FF FF FF}.
 *
 * <p>The length prefix is what keeps two different events from sharing a hashed form.
 */
public final class ChainHash {

    /** The "previous hash" of the first event of a network. */
    public static final String GENESIS = "";
    /** A digest never updated, copied for each hash. */
    private static final MessageDigest PROTOTYPE = lookUp();

    private ChainHash() {
    }

    public static String of(LogEvent event, String previousHash) {
        return of(event.eventId(), event.aggregateType(), event.aggregateId(), event.sequenceNumber(), event.timestamp(),
                  event.payloadType(), event.payloadRevision(), event.payload(), event.metaData(), previousHash);
    }

    public static String of(String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                            String timestamp, String payloadType, String payloadRevision, String payload,
                            String metaData, String previousHash) {
        MessageDigest digest = sha256();
        ByteBuffer length = ByteBuffer.allocate(4);
        for (String field : new String[]{eventId, aggregateType, aggregateId, Long.toString(sequenceNumber), timestamp,
                payloadType, payloadRevision, payload, metaData, previousHash}) {
            update(digest, length, field);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** One field: its length (through {@code buffer}, four bytes big-endian), then its bytes. */
    private static void update(MessageDigest digest, ByteBuffer buffer, String field) {
        byte[] bytes = field == null ? null : field.getBytes(StandardCharsets.UTF_8);
        digest.update(buffer.putInt(0, bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            digest.update(bytes);
        }
    }

    /** A fresh SHA-256 digest: a copy of one made once (cheaper than looking one up), or one looked up. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return lookUp();
        }
    }

    private static MessageDigest lookUp() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
