package nl.samenspel.query.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.MonthHealth;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The health read models: one document per network and month ({@code _id = networkId:YYYY-MM}) and one per network
 * listing its months, so every read is an exact-key or {@code _id $in} lookup.
 *
 * <p>A month is stored as one JSON text ({@value #HEALTH}) beside its key and version, not as a tree of BSON fields:
 * nothing queries inside it, and the embedded server writes and reads one large text far faster than a large tree (a
 * month of a busy network holds hundreds of figures and evidence ids). A month stored earlier as a tree is still read.
 */
@Component
public class HealthStore {
    static final String MONTHS = "health_months";
    static final String NETWORKS = "health_networks";
    /** The field holding a month as JSON text. */
    private static final String HEALTH = "health";

    private final MongoTemplate mongo;
    private final ObjectMapper json;

    public HealthStore(MongoTemplate mongo, ObjectMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    /**
     * Stores the months from {@code from} on and the network's month list, unless newer health of the network is
     * stored (see {@link HealthVersion}); answers whether it was stored. Each month is written only over an older or
     * equal version of itself, and the network's document last, so readers never find a listed month missing. A
     * writer that loses a race to a newer one can still have replaced a month that the newer one had not rewritten
     * because none of the entries it folded in changed it (so the content is the same, the fold being incremental by
     * month), but never a month a newer computation wrote, nor the month list and evaluation date readers start from.
     */
    boolean save(UUID networkId, List<MonthHealth> months, YearMonth from, HealthVersion version) {
        HealthVersion stored = HealthVersion.of(network(networkId));
        if (stored != null && stored.isNewerThan(version)) {
            return false;
        }
        List<Object> episodes = json.convertValue(new HealthTimeline(months).episodes(), List.class);
        List<Document> changed = new ArrayList<>();
        for (MonthHealth month : months) {
            if (from == null || !month.month().isBefore(from)) {
                changed.add(new Document("_id", key(networkId, month.month()))
                                    .append("networkId", networkId.toString())
                                    .append(HEALTH, text(month)));
            }
        }
        replaceAllUnlessNewer(MONTHS, changed, version, stored == null);
        List<String> list = months.stream().map(m -> m.month().toString()).toList();
        Document network = new Document("_id", networkId.toString()).append("months", list).append("episodes", episodes);
        return stored == null ? insertUnlessStored(NETWORKS, network, version) : replaceUnlessNewer(NETWORKS, network, version);
    }

    /**
     * {@link #replaceUnlessNewer} for a document that is most likely absent: inserted, and only where it collides with
     * a stored one replaced unless newer.
     */
    private boolean insertUnlessStored(String collection, Document document, HealthVersion version) {
        version.stamp(document);
        try {
            mongo.getCollection(collection).insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return replaceUnlessNewer(collection, document, version);
        }
    }

    /**
     * Replaces the document with the same id when the stored one is not newer, or inserts it when there is none; answers
     * whether it was written. Where a newer one is stored the filter matches nothing and the upsert's insert collides
     * with the stored id. Two writers inserting at once collide the same way, so after a collision the replacement is
     * tried once more, now that the document exists.
     */
    private boolean replaceUnlessNewer(String collection, Document document, HealthVersion version) {
        MongoCollection<Document> documents = mongo.getCollection(collection);
        Bson filter = Filters.and(Filters.eq("_id", document.get("_id")), version.storedNotNewer());
        version.stamp(document);
        try {
            documents.replaceOne(filter, document, new ReplaceOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return documents.replaceOne(filter, document).getMatchedCount() > 0;
        }
    }

    /**
     * {@link #replaceUnlessNewer} for many documents in one request: a back-dated entry rewrites years of months, and
     * one round trip (one sync on the embedded store) for all of them keeps it visible within a second, not one per
     * month. The documents that collided are tried once more on their own.
     *
     * <p>When no health of the network is stored ({@code noneStored}: its first computation, or a rebuild after a
     * reset) the months are most likely absent, and are inserted rather than upserted: the store then skips looking
     * for and replacing a document, which is most of the cost of a rebuild's writes. A month that is there after all
     * (another instance got ahead, or a writer stopped before storing the network's document) collides and is
     * replaced unless newer, exactly as an upsert would have.
     */
    private void replaceAllUnlessNewer(String collection, List<Document> documents, HealthVersion version,
                                       boolean noneStored) {
        if (documents.isEmpty()) {
            return;
        }
        documents.forEach(version::stamp);
        List<WriteModel<Document>> writes = documents.stream()
                .<WriteModel<Document>>map(d -> noneStored ? new InsertOneModel<>(d) : new ReplaceOneModel<>(
                        Filters.and(Filters.eq("_id", d.get("_id")), version.storedNotNewer()), d,
                        new ReplaceOptions().upsert(true)))
                .toList();
        try {
            mongo.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                replaceUnlessNewer(collection, documents.get(error.getIndex()), version);
            }
        }
    }

    /** The stored version of each network's health evaluated before the day, by network. */
    Map<UUID, HealthVersion> evaluatedBefore(LocalDate day) {
        Map<UUID, HealthVersion> result = new LinkedHashMap<>();
        // One document per network, so reading them all is cheap; the embedded server would scan for a range anyway.
        mongo.getCollection(NETWORKS).find(Filters.lt(HealthVersion.EVALUATED_ON, day.toString()))
             .projection(Projections.include(HealthVersion.LAST_SEQUENCE, HealthVersion.EVALUATED_ON))
             .forEach(d -> result.put(UUID.fromString(d.getString("_id")), HealthVersion.of(d)));
        return result;
    }

    Document network(UUID networkId) {
        return mongo.getCollection(NETWORKS).find(new Document("_id", networkId.toString())).first();
    }

    /** The stored months of a network, oldest first. */
    List<Document> months(UUID networkId) {
        Document network = network(networkId);
        if (network == null) {
            return List.of();
        }
        List<String> ids = network.getList("months", String.class).stream().map(m -> networkId + ":" + m).toList();
        List<Document> result = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 100) {
            mongo.getCollection(MONTHS).find(new Document("_id", new Document("$in", ids.subList(i, Math.min(ids.size(), i + 100)))))
                 .forEach(result::add);
        }
        List<Document> months = new ArrayList<>(result.stream().map(HealthStore::month).toList());
        months.sort(Comparator.comparing(d -> d.getString("month")));
        return months;
    }

    Document month(UUID networkId, YearMonth month) {
        Document doc = mongo.getCollection(MONTHS).find(new Document("_id", key(networkId, month))).first();
        return doc == null ? null : month(doc);
    }

    void dropAll() {
        mongo.dropCollection(MONTHS);
        mongo.dropCollection(NETWORKS);
    }

    private String text(MonthHealth month) {
        try {
            return json.writeValueAsString(month);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the health of " + month.month(), e);
        }
    }

    /** A month as the API shows it, from its text (or, stored before months were text, its fields). */
    private static Document month(Document stored) {
        String text = stored.getString(HEALTH);
        return text != null ? Document.parse(text) : withoutKeys(stored);
    }

    /** A month as the API shows it: without its key and the version it was computed at. */
    private static Document withoutKeys(Document month) {
        month.remove("_id");
        month.remove("networkId");
        month.remove(HealthVersion.LAST_SEQUENCE);
        month.remove(HealthVersion.EVALUATED_ON);
        return month;
    }

    private static String key(UUID networkId, YearMonth month) {
        return networkId + ":" + month;
    }

}
