package nl.samenspel.query.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import nl.samenspel.query.facts.FactsSnapshot;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code network_facts} read model: one document per network ({@code _id} = network id), so every read and write
 * is an exact-key lookup. It holds the folded facts ({@link FactsSnapshot}) and the sequence number of the last event
 * folded in, which makes the projection idempotent.
 *
 * <p>The facts are stored as one JSON text rather than as a tree of BSON fields: nothing ever queries inside them, and
 * the embedded server writes and reads a large text field far faster than a large tree (a network of 3,000 entries
 * replayed in 3.5 s instead of 13 s). Amounts keep their exact decimal value through the text.
 */
@Component
public class NetworkFactsStore {
    public static final String COLLECTION = "network_facts";

    private final MongoTemplate mongo;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** The facts of one network, up to and including the event at {@code lastSequence}. */
    public record StoredFacts(UUID networkId, long lastSequence, Instant lastRecordedAt, FactsSnapshot facts) {
    }

    public NetworkFactsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<StoredFacts> find(UUID networkId) {
        Document doc = collection().find(Filters.eq("_id", networkId.toString())).first();
        if (doc == null) {
            return Optional.empty();
        }
        String recordedAt = doc.getString("lastRecordedAt");
        return Optional.of(new StoredFacts(networkId, doc.get("lastSequence", Number.class).longValue(),
                                           recordedAt == null ? null : Instant.parse(recordedAt),
                                           read(doc.getString("facts"))));
    }

    public void save(StoredFacts stored) {
        Document doc = new Document("_id", stored.networkId().toString())
                .append("lastSequence", stored.lastSequence())
                .append("lastRecordedAt", stored.lastRecordedAt() == null ? null : stored.lastRecordedAt().toString())
                .append("facts", write(stored.facts()));
        collection().replaceOne(Filters.eq("_id", doc.getString("_id")), doc, new ReplaceOptions().upsert(true));
    }

    public void dropAll() {
        mongo.dropCollection(COLLECTION);
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    private String write(FactsSnapshot facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the facts of a network", e);
        }
    }

    private FactsSnapshot read(String facts) {
        try {
            return json.readValue(facts, FactsSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the stored facts of a network", e);
        }
    }
}
