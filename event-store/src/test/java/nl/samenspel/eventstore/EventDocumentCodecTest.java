package nl.samenspel.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.BsonBinaryWriter;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.StringCodec;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event collection's codec reads every document into what the driver's own codec reads from it, field by field
 * and kind by kind, over the wire from the embedded server; only the names of the store's fields become its constants.
 * It writes every document into the bytes the driver's codec writes.
 */
class EventDocumentCodecTest {

    @Test
    void readsWhatTheDriversCodecReads() {
        try (EmbeddedStore store = EmbeddedStore.inMemory();
             // As Spring Boot configures its client: a binary of subtype 3 is read as a UUID.
             MongoClient client = MongoClients.create(MongoClientSettings.builder()
                     .applyConnectionString(new ConnectionString(store.uri("codec")))
                     .uuidRepresentation(UuidRepresentation.JAVA_LEGACY).build())) {
            MongoCollection<Document> plain = client.getDatabase("codec").getCollection("events");
            MongoCollection<Document> events = plain.withCodecRegistry(EventDocumentCodec.over(plain.getCodecRegistry()));
            Document event = new Document(EventDocuments.ID, 7L).append(EventDocuments.STREAM_KEY, "n:3")
                    .append(EventDocuments.SEQUENCE, 3L).append(EventDocuments.PAYLOAD_REVISION, null)
                    .append(EventDocuments.COMMIT_SIZE, 5).append(EventDocuments.PENDING, true)
                    .append(EventDocuments.PAYLOAD, "{\"name\":\"Zoë \\u0000 ✓\"}")
                    .append("notOurs", "kept as it is");
            Document everyKind = new Document(EventDocuments.ID, 8L).append("double", 2.5).append("date", new Date(1_700_000_000_000L))
                    .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b")).append("decimal", new Decimal128(new BigDecimal("1.10")))
                    .append("binary", new Binary(new byte[] {1, 2, 3})).append("uuidBytes", new Binary((byte) 4, new byte[16]))
                    .append("uuid", UUID.fromString("5f8e2c1a-3b4d-4e6f-8a9b-0c1d2e3f4a5b"))
                    .append("nested", new Document("a", 1).append("b", List.of(1L, "x", new Document("c", false))))
                    .append("list", Arrays.asList(null, 1, 2L, 3.0, "four", new Document("five", 5)))
                    .append("int", Integer.MIN_VALUE).append("long", Long.MAX_VALUE).append("false", false);
            plain.insertMany(List.of(event, everyKind));

            List<Document> ours = events.find().into(new ArrayList<>());
            List<Document> theirs = plain.find().into(new ArrayList<>());
            assertThat(ours).isEqualTo(theirs).hasSize(2);
            assertThat(ours.get(1).get("uuid")).isEqualTo(UUID.fromString("5f8e2c1a-3b4d-4e6f-8a9b-0c1d2e3f4a5b"));
            for (int i = 0; i < ours.size(); i++) {
                Document read = ours.get(i);
                Document expected = theirs.get(i);
                assertThat(read.keySet()).containsExactlyElementsOf(expected.keySet());
                read.forEach((name, value) -> assertThat(value == null ? null : value.getClass())
                        .as(name).isEqualTo(expected.get(name) == null ? null : expected.get(name).getClass()));
            }
            // The store's names are its constants; anything else stays as it was read.
            assertThat(ours.get(0).keySet()).anySatisfy(name -> assertThat(name).isSameAs(EventDocuments.STREAM_KEY));
            assertThat(EventDocumentCodec.known(new String("commitFirst".toCharArray()))).isSameAs(EventDocuments.COMMIT_FIRST);
            assertThat(EventDocumentCodec.known("commitFirsT")).isEqualTo("commitFirsT");
            assertThat(EventDocumentCodec.known("a name longer than any field of the store")).startsWith("a name");

            // Writes go through the driver's codec: a document without an id gets one, as before.
            Document noId = new Document("x", 1);
            events.insertOne(noId);
            assertThat(noId.get("_id")).isInstanceOf(ObjectId.class);
        }
    }

    @Test
    void writesTheBytesTheDriversCodecWrites() {
        CodecRegistry registry = MongoClientSettings.getDefaultCodecRegistry();
        EventDocumentCodec ours = (EventDocumentCodec) EventDocumentCodec.over(registry).get(Document.class);
        Codec<Document> theirs = registry.get(Document.class);
        assertThat(ours.writesPlainValues()).isTrue();
        StoredEvent event = new StoredEvent(41, "e-1", "Network", "n-1", 3, "2026-12-04T10:15:30Z", "nl.x.Joined", null,
                                            "{\"name\":\"Zoë ✓\"}", "{\"commandId\":\"c-1\"}", "ab".repeat(32));
        List<Document> documents = List.of(
                EventDocuments.toDocument(event, 1_700_000_000_000L, 40, 5).append(EventDocuments.COMMAND_ID, "c-1"),
                EventDocuments.toDocument(event, 1_700_000_000_000L, true),
                EventDocuments.placeholder(42, 1_700_000_000_001L),
                // the id not first, an int, a false, a null: written id first when stored, in its place otherwise
                new Document("a", 1).append("b", false).append(EventDocuments.ID, 9L).append("c", null)
                                     .append("d", "x"),
                new Document("noId", Integer.MIN_VALUE),
                new Document(),
                // any other kind of value: the driver's codec writes the whole document
                new Document(EventDocuments.ID, 1L).append("n", 2.5)
                                                   .append("nested", new Document("x", List.of(1, "y"))));
        for (Document document : documents) {
            for (boolean stored : new boolean[] {true, false}) {
                assertThat(bytes(ours, document, stored)).as("%s, stored %s", document, stored)
                                                         .isEqualTo(bytes(theirs, document, stored));
            }
        }

        // A registry that writes text otherwise (as object ids): every document goes to the driver's codec.
        CodecRegistry idsAsText = CodecRegistries.fromRegistries(
                CodecRegistries.fromCodecs(new StringCodec().withRepresentation(BsonType.OBJECT_ID)), registry);
        EventDocumentCodec other = (EventDocumentCodec) EventDocumentCodec.over(idsAsText).get(Document.class);
        assertThat(other.writesPlainValues()).isFalse();
        Document withObjectIdText = new Document(EventDocuments.ID, 3L).append("ref", "65a1b2c3d4e5f60718293a4b");
        assertThat(bytes(other, withObjectIdText, true))
                .isEqualTo(bytes(idsAsText.get(Document.class), withObjectIdText, true))
                .isNotEqualTo(bytes(theirs, withObjectIdText, true));
    }

    private static byte[] bytes(Codec<Document> codec, Document document, boolean stored) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            codec.encode(writer, document, EncoderContext.builder().isEncodingCollectibleDocument(stored).build());
        }
        return buffer.toByteArray();
    }
}
