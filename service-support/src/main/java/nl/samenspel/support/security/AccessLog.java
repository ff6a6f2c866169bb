package nl.samenspel.support.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail of access: every user created, every role granted or revoked and every person erased, with who
 * did it and when. Append-only; no code path updates or deletes an entry.
 */
public class AccessLog {
    private final MongoCollection<Document> entries;

    public AccessLog(MongoDatabase database) {
        this.entries = database.getCollection("access_log");
    }

    public record Entry(String at, String actorId, String actorUsername, String action, String userId,
                        String networkId, String role, String personRef) {
    }

    public void record(SamenspelPrincipal actor, String action, String userId, String networkId, String role,
                       String personRef) {
        entries.insertOne(new Document("_id", new ObjectId())
                                  .append("at", Instant.now().toString())
                                  .append("actorId", actor.userId())
                                  .append("actorUsername", actor.username())
                                  .append("action", action)
                                  .append("userId", userId)
                                  .append("networkId", networkId)
                                  .append("role", role)
                                  .append("personRef", personRef));
    }

    public List<Entry> all() {
        List<Entry> result = new ArrayList<>();
        entries.find().sort(Sorts.ascending("_id")).forEach(d -> result.add(new Entry(
                d.getString("at"), d.getString("actorId"), d.getString("actorUsername"), d.getString("action"),
                d.getString("userId"), d.getString("networkId"), d.getString("role"), d.getString("personRef"))));
        return result;
    }
}
