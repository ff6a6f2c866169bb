package nl.samenspel.eventstore;

import org.bson.BsonReader;
import org.bson.BsonReaderMark;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.BooleanCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.CollectibleCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.IntegerCodec;
import org.bson.codecs.LongCodec;
import org.bson.codecs.StringCodec;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the documents of the event collection into the same {@link Document}s the driver's own codec makes, for less.
 *
 * <p>A reader goes through every event of a batch several times (is it pending, a placeholder, part of a commit,
 * sealed), and a replay spent about as much of its time on those lookups as on decoding. The driver's codec gives
 * every field name a new string, so each later lookup compares the name character by character, in memory the
 * reading thread has not touched yet; and it asks its registry for a codec for every value. This one names the fields
 * with the store's own constants, which a lookup finds by identity, and reads the kinds of value an event consists of
 * (text, whole numbers, booleans, null) directly. A document holding any other kind of value is read by the driver's
 * codec from its start.
 *
 * <p>It writes an event's document the same way: its values straight onto the writer, where the driver's codec asks
 * its registry for a codec for every value (in a loop of appends, writing them so took about 4% off an append). It
 * does so only where the registry encodes documents, text, whole numbers and booleans with the driver's own codecs,
 * which is how the store's client is set up; any other document, and every document under another registry, is
 * written by the registry's codec. Either way the bytes are the same.
 */
final class EventDocumentCodec implements CollectibleCodec<Document> {
    /** The store's field names by their length, so a name read is matched against two or three at most. */
    private static final String[][] NAMES_BY_LENGTH;

    static {
        List<String> names = List.of(EventDocuments.ID, EventDocuments.STREAM_KEY, EventDocuments.EVENT_ID,
                                     EventDocuments.AGGREGATE_TYPE, EventDocuments.AGGREGATE_ID, EventDocuments.SEQUENCE,
                                     EventDocuments.TIMESTAMP, EventDocuments.PAYLOAD_TYPE,
                                     EventDocuments.PAYLOAD_REVISION, EventDocuments.PAYLOAD, EventDocuments.META_DATA,
                                     EventDocuments.HASH, EventDocuments.ALLOCATED_AT, EventDocuments.PENDING,
                                     EventDocuments.COMMIT_FIRST, EventDocuments.COMMIT_SIZE, EventDocuments.PLACEHOLDER,
                                     EventDocuments.COMMAND_ID);
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        List<List<String>> byLength = new ArrayList<>();
        for (int length = 0; length <= longest; length++) {
            byLength.add(new ArrayList<>());
        }
        names.forEach(name -> byLength.get(name.length()).add(name));
        NAMES_BY_LENGTH = byLength.stream().map(list -> list.toArray(String[]::new)).toArray(String[][]::new);
    }

    private final CollectibleCodec<Document> standard;
    /** Whether the registry writes documents with the driver's codec, and their plain values as this does. */
    private final boolean writesPlainValues;

    @SuppressWarnings("unchecked")
    private EventDocumentCodec(CodecRegistry registry) {
        this.standard = (CollectibleCodec<Document>) registry.get(Document.class);
        Codec<String> text = registry.get(String.class);
        this.writesPlainValues = standard.getClass() == DocumentCodec.class
                                 && text.getClass() == StringCodec.class
                                 && ((StringCodec) text).getRepresentation() == BsonType.STRING
                                 && registry.get(Long.class).getClass() == LongCodec.class
                                 && registry.get(Integer.class).getClass() == IntegerCodec.class
                                 && registry.get(Boolean.class).getClass() == BooleanCodec.class;
    }

    /** Whether this writes documents of plain values itself (for tests). */
    boolean writesPlainValues() {
        return writesPlainValues;
    }

    /** {@code registry} with documents read by this codec; everything else as {@code registry} has it. */
    static CodecRegistry over(CodecRegistry registry) {
        return CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(new EventDocumentCodec(registry)), registry);
    }

    /** The store's own constant for a field name, or the name itself when the store has no such field. */
    static String known(String name) {
        if (name.length() < NAMES_BY_LENGTH.length) {
            for (String candidate : NAMES_BY_LENGTH[name.length()]) {
                if (candidate.equals(name)) {
                    return candidate;
                }
            }
        }
        return name;
    }

    @Override
    public Document decode(BsonReader reader, DecoderContext context) {
        BsonReaderMark start = reader.getMark();
        Document document = new Document();
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = known(reader.readName());
            switch (reader.getCurrentBsonType()) {
                case STRING -> document.put(name, reader.readString());
                case INT64 -> document.put(name, reader.readInt64());
                case INT32 -> document.put(name, reader.readInt32());
                case BOOLEAN -> document.put(name, reader.readBoolean());
                case NULL -> {
                    reader.readNull();
                    document.put(name, null);
                }
                default -> {
                    // Not an event's kind of value (a binary may be a UUID, depending on the client's settings, say):
                    // the whole document as the driver's codec reads it.
                    start.reset();
                    return standard.decode(reader, context);
                }
            }
        }
        reader.readEndDocument();
        return document;
    }

    /**
     * Writes as the driver's codec writes: the id first when writing a whole document to store, then every other field
     * in its order.
     */
    @Override
    public void encode(BsonWriter writer, Document value, EncoderContext context) {
        if (!writesPlainValues || !onlyPlainValues(value)) {
            standard.encode(writer, value, context);
            return;
        }
        writer.writeStartDocument();
        boolean idFirst = context.isEncodingCollectibleDocument() && value.containsKey(EventDocuments.ID);
        if (idFirst) {
            writer.writeName(EventDocuments.ID);
            writePlain(writer, value.get(EventDocuments.ID));
        }
        for (Map.Entry<String, Object> field : value.entrySet()) {
            if (idFirst && field.getKey().equals(EventDocuments.ID)) {
                continue;
            }
            writer.writeName(field.getKey());
            writePlain(writer, field.getValue());
        }
        writer.writeEndDocument();
    }

    private static boolean onlyPlainValues(Document document) {
        for (Object value : document.values()) {
            if (value != null && !(value instanceof String) && !(value instanceof Long) && !(value instanceof Integer)
                && !(value instanceof Boolean)) {
                return false;
            }
        }
        return true;
    }

    private static void writePlain(BsonWriter writer, Object value) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String text) {
            writer.writeString(text);
        } else if (value instanceof Long number) {
            writer.writeInt64(number);
        } else if (value instanceof Integer number) {
            writer.writeInt32(number);
        } else {
            writer.writeBoolean((Boolean) value);
        }
    }

    @Override
    public Class<Document> getEncoderClass() {
        return Document.class;
    }

    @Override
    public Document generateIdIfAbsentFromDocument(Document document) {
        return standard.generateIdIfAbsentFromDocument(document);
    }

    @Override
    public boolean documentHasId(Document document) {
        return standard.documentHasId(document);
    }

    @Override
    public BsonValue getDocumentId(Document document) {
        return standard.getDocumentId(document);
    }
}
