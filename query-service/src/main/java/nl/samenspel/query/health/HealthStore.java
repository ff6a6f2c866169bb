package nl.samenspel.query.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.MonthHealth;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The health read models: one document per network and month ({@code _id = networkId:YYYY-MM}) and one per network
 * listing its months, so every read is an exact-key or {@code _id $in} lookup.
 *
 * <p>A month is stored as one value ({@value #HEALTH}) beside its key and version, not as a tree of BSON fields:
 * nothing queries inside it, and the embedded server writes and reads one block of bytes far faster than a large tree
 * (a month of a busy network holds hundreds of figures and evidence ids). The value is the month in Smile, Jackson's
 * binary JSON ({@link MonthText}): half the bytes of its JSON text, and read back without parsing text. A month stored
 * earlier as JSON text (bytes or a string), or as a tree, is still read.
 *
 * <p>Only the latest month is stored with the ids of the entries behind each value ({@code /health} shows them); every
 * earlier month with their counts ({@link EvidenceCounts}), as the timeline shows it, and {@code explain} computes its
 * ids again. Most of a busy network's month was ids, and an alert naming every success since the founding changed
 * every later month whenever a success was logged late: each such entry wrote megabytes.
 */
@Component
public class HealthStore {
    static final String MONTHS = "health_months";
    static final String NETWORKS = "health_networks";
    /** The field of a network's document mapping each month to the key of its document. */
    private static final String MONTH_KEYS = "monthKeys";
    /** The field holding a month: in Smile ({@link MonthText}); before, as JSON text. */
    private static final String HEALTH = "health";

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final MonthText smile;

    public HealthStore(MongoTemplate mongo, ObjectMapper json) {
        this.mongo = mongo;
        this.json = json;
        this.smile = MonthText.smile(json);
    }

    /**
     * Stores the months from {@code from} on and the network's month list, unless newer health of the network is
     * stored (see {@link HealthVersion}); answers whether it was stored.
     *
     * <p>Months are never overwritten: each month a computation writes is a new document whose key carries the
     * computation's version ({@code networkId:YYYY-MM:sequence@day}), and the network's document, written last, points
     * at the document of every month ({@value #MONTH_KEYS}). The network's document is replaced only where it is still
     * the one this writer read (compared by its version), so of two writers the one that read an older pointer reads
     * again and keeps the other's months it did not recompute; a writer that finds newer health stored gives up and
     * deletes what it wrote. The months a swap no longer points at are deleted after it. Every write and read is by
     * exact key or {@code _id $in}: the embedded server answers a filter from an index only when it names exactly the
     * index's keys, so a guard on the months themselves ({@code _id} and a version range) made every write a scan of
     * all stored months, which with twenty networks of ten years took about a second.
     */
    public boolean save(UUID networkId, List<MonthHealth> months, YearMonth from, HealthVersion version) {
        return save(networkId, months, from, Set.of(), version, network(networkId));
    }

    /**
     * {@link #save(UUID, List, YearMonth, HealthVersion)} going on from the network's document as the caller read it
     * ({@link #network}), so it is not read twice; if it changed since, the swap finds out and reads it again.
     * {@code unchanged} names months from {@code from} on that came out as the document {@code read} already holds
     * them: those keep their stored document (an entry back-dated years changes the months within its windows, not
     * every month after it). Once the document has changed since it was read, every month from {@code from} on is
     * written.
     */
    boolean save(UUID networkId, List<MonthHealth> months, YearMonth from, Set<YearMonth> unchanged, HealthVersion version,
                 Document read) {
        List<Object> episodes = episodes(months);
        List<String> list = months.stream().map(m -> m.month().toString()).toList();
        String tag = version.lastSequence() + "@" + version.evaluatedOn();
        Set<String> inserted = new HashSet<>();
        for (int attempt = 0; attempt < 10; attempt++) {
            // after a lost swap, what is stored now, read from the store itself
            Document current = attempt == 0 ? read : storedNetwork(networkId);
            HealthVersion stored = HealthVersion.of(current);
            if (stored != null && stored.isNewerThan(version)) {
                deleteUnreferenced(inserted, current);
                return false;
            }
            Map<String, String> keys = monthKeys(networkId, current);
            Map<String, String> next = new LinkedHashMap<>();
            List<Document> written = new ArrayList<>();
            MonthHealth latest = months.isEmpty() ? null : months.get(months.size() - 1);
            for (MonthHealth month : months) {
                String name = month.month().toString();
                boolean kept = from != null && (month.month().isBefore(from) || attempt == 0 && unchanged.contains(month.month()));
                if (kept && keys.containsKey(name)) {
                    next.put(name, keys.get(name));
                } else {
                    String id = networkId + ":" + name + ":" + tag;
                    next.put(name, id);
                    if (inserted.add(id)) {
                        written.add(version.stamp(new Document("_id", id).append("networkId", networkId.toString())
                                                                         .append(HEALTH, text(month, month == latest))));
                    }
                }
            }
            insertAll(written);
            Document network = version.stamp(new Document("_id", networkId.toString()).append("months", list)
                                                                                      .append(MONTH_KEYS, new Document(new LinkedHashMap<>(next)))
                                                                                      .append("episodes", episodes));
            if (swap(current, network, version)) {
                Set<String> replaced = new HashSet<>(keys.values());
                replaced.removeAll(next.values());
                if (!replaced.isEmpty()) {
                    mongo.getCollection(MONTHS).deleteMany(Filters.in("_id", List.copyOf(replaced)));
                }
                return true;
            }
            // Another writer replaced the network's document since it was read: read it again.
        }
        throw new IllegalStateException("The health of " + networkId + " kept changing while it was stored");
    }

    /** The alert episodes of {@code months} as the network's document holds them. */
    @SuppressWarnings("unchecked")
    List<Object> episodes(List<MonthHealth> months) {
        return json.convertValue(new HealthTimeline(months).episodes(), List.class);
    }

    /** The document of each month the network's document points at; a document from before the pointers, by month. */
    private static Map<String, String> monthKeys(UUID networkId, Document network) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (network == null) {
            return keys;
        }
        Document pointers = network.get(MONTH_KEYS, Document.class);
        for (String month : network.getList("months", String.class, List.of())) {
            keys.put(month, pointers != null && pointers.get(month) instanceof String id ? id : key(networkId, YearMonth.parse(month)));
        }
        return keys;
    }

    /** Inserts month documents; one already there is the same month of the same version, written before. */
    private void insertAll(List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        try {
            mongo.getCollection(MONTHS).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    /**
     * Replaces the network's document {@code read} by {@code network} only where it is still the one read: inserted
     * where none was, replaced where the stored version is still {@code read}'s. A document without a version (from
     * before versions) is replaced unless newer.
     */
    private boolean swap(Document read, Document network, HealthVersion version) {
        MongoCollection<Document> networks = mongo.getCollection(NETWORKS);
        if (read == null) {
            try {
                networks.insertOne(network);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                return false;
            }
        }
        if (HealthVersion.of(read) == null) {
            return replaceUnlessNewer(NETWORKS, network, version);
        }
        Bson unchanged = Filters.and(Filters.eq("_id", read.get("_id")),
                                     Filters.eq(HealthVersion.LAST_SEQUENCE, read.get(HealthVersion.LAST_SEQUENCE)),
                                     Filters.eq(HealthVersion.EVALUATED_ON, read.get(HealthVersion.EVALUATED_ON)));
        return networks.replaceOne(unchanged, network).getMatchedCount() > 0;
    }

    /** Deletes the month documents a writer that gave up inserted, unless the stored network points at them. */
    private void deleteUnreferenced(Set<String> inserted, Document current) {
        if (inserted.isEmpty()) {
            return;
        }
        Set<String> orphans = new HashSet<>(inserted);
        Document pointers = current == null ? null : current.get(MONTH_KEYS, Document.class);
        if (pointers != null) {
            pointers.values().forEach(orphans::remove);
        }
        if (!orphans.isEmpty()) {
            mongo.getCollection(MONTHS).deleteMany(Filters.in("_id", List.copyOf(orphans)));
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
        return storedNetwork(networkId);
    }

    private Document storedNetwork(UUID networkId) {
        return mongo.getCollection(NETWORKS).find(new Document("_id", networkId.toString())).first();
    }

    /**
     * The stored months of a network, oldest first. A writer may delete the months it replaced between the read of the
     * network's pointers and of the months; then the pointers are read again.
     */
    List<Document> months(UUID networkId) {
        List<Document> result = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            Document network = network(networkId);
            if (network == null) {
                return List.of();
            }
            List<String> ids = List.copyOf(monthKeys(networkId, network).values());
            result = new ArrayList<>();
            for (int i = 0; i < ids.size(); i += 100) {
                mongo.getCollection(MONTHS).find(Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + 100))))
                     .forEach(result::add);
            }
            if (result.size() == ids.size()) {
                break;
            }
        }
        List<Document> months = new ArrayList<>(result.stream().map(this::month).toList());
        months.sort(Comparator.comparing(d -> d.getString("month")));
        return months;
    }

    Document month(UUID networkId, YearMonth month) {
        for (int attempt = 0; attempt < 3; attempt++) {
            String id = monthKeys(networkId, network(networkId)).get(month.toString());
            if (id == null) {
                return null;
            }
            Document doc = mongo.getCollection(MONTHS).find(Filters.eq("_id", id)).first();
            if (doc != null) {
                return month(doc);
            }
        }
        return null;
    }

    void dropAll() {
        mongo.dropCollection(MONTHS);
        mongo.dropCollection(NETWORKS);
    }

    /** A month as stored: the latest with the ids behind its values, every other with their counts. */
    private byte[] text(MonthHealth month, boolean withIds) {
        return withIds ? smile.listed(month) : smile.counted(month);
    }

    /** A computed month in the form a stored one is read in, with the ids behind its values. */
    Document asStored(MonthHealth month) {
        return smile.read(smile.listed(month));
    }

    /**
     * A month as the API shows it, from its stored value: Smile, or as stored before, JSON text as bytes or as a
     * string; before that, its fields.
     */
    private Document month(Document stored) {
        Object health = stored.get(HEALTH);
        if (health instanceof Binary binary) {
            byte[] bytes = binary.getData();
            return MonthText.isSmile(bytes) ? smile.read(bytes)
                    : Document.parse(new String(bytes, StandardCharsets.UTF_8));
        }
        return health instanceof String text ? Document.parse(text) : withoutKeys(stored);
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
