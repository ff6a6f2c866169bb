package nl.samenspel.query.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.MonthHealth;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The health read models: one document per network and month ({@code _id = networkId:YYYY-MM}) and one per network
 * listing its months, so every read is an exact-key or {@code _id $in} lookup.
 */
@Component
public class HealthStore {
    static final String MONTHS = "health_months";
    static final String NETWORKS = "health_networks";

    private final MongoTemplate mongo;
    private final ObjectMapper json;

    public HealthStore(MongoTemplate mongo, ObjectMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    /** Stores the months from {@code from} on and the network's month list; months after the last are removed. */
    void save(UUID networkId, List<MonthHealth> months, YearMonth from, long lastSequence, LocalDate evaluatedOn) {
        List<Object> episodes = json.convertValue(new HealthTimeline(months).episodes(), List.class);
        for (MonthHealth month : months) {
            if (from == null || !month.month().isBefore(from)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = json.convertValue(month, Map.class);
                Document doc = new Document(fields);
                doc.put("_id", key(networkId, month.month()));
                doc.put("networkId", networkId.toString());
                mongo.getCollection(MONTHS).replaceOne(new Document("_id", doc.get("_id")), doc,
                                                       new com.mongodb.client.model.ReplaceOptions().upsert(true));
            }
        }
        List<String> list = months.stream().map(m -> m.month().toString()).toList();
        Document network = new Document("_id", networkId.toString()).append("months", list)
                .append("lastSequence", lastSequence).append("evaluatedOn", evaluatedOn.toString())
                .append("episodes", episodes);
        mongo.getCollection(NETWORKS).replaceOne(new Document("_id", networkId.toString()), network,
                                                 new com.mongodb.client.model.ReplaceOptions().upsert(true));
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
        result.sort(Comparator.comparing(d -> d.getString("month")));
        result.forEach(d -> {
            d.remove("_id");
            d.remove("networkId");
        });
        return result;
    }

    Document month(UUID networkId, YearMonth month) {
        Document doc = mongo.getCollection(MONTHS).find(new Document("_id", key(networkId, month))).first();
        if (doc != null) {
            doc.remove("_id");
            doc.remove("networkId");
        }
        return doc;
    }

    void dropAll() {
        mongo.dropCollection(MONTHS);
        mongo.dropCollection(NETWORKS);
    }

    private static String key(UUID networkId, YearMonth month) {
        return networkId + ":" + month;
    }

}
