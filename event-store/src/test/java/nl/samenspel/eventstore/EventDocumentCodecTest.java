package nl.samenspel.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.UuidRepresentation;
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
}
