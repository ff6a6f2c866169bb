package nl.samenspel.query.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import nl.samenspel.query.facts.FactsSnapshot;
import nl.samenspel.query.facts.FactsSnapshot.Part;
import nl.samenspel.query.facts.NetworkInfo;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The facts read model: the folded facts ({@link FactsSnapshot}) of each network, stored in parts so that an entry
 * writes only the lists it changed and a page reads only the lists it shows.
 *
 * <ul>
 *     <li>{@code network_facts} holds one small head per network ({@code _id} = network id): the network, the counters,
 *     and the sequence number of the last event folded in, which makes the projection idempotent;</li>
 *     <li>{@code network_facts_parts} holds each list of the facts in pages of {@value #PAGE_SIZE} items
 *     ({@code _id} = {@code <network id>:<list name>} for the first, {@code <network id>:<list name>:<n>} for the
 *     n-th after it), each with the sequence number it was written at. The head says how many pages a longer list
 *     has. A list that was never written reads as empty.</li>
 * </ul>
 * Every read and write is by exact key ({@code $in} on {@code _id} for several pages at once). Entries mostly add to
 * the end of a list, so an entry rewrites the last page of one list and the head: a meeting in a network of ten years
 * writes a page of meetings, where the whole list of meetings runs to most of a megabyte.
 *
 * <p>The pages of a save are written before its head, and pages a list no longer needs are deleted after it, so every
 * page the head counts holds at least what the head says was folded in. A page written at a sequence past its head's
 * means the save was cut short between the two; the projection then folds the network again from the log rather than
 * go on from lists that already hold entries to come ({@link Loaded#cutShort()}). Readers may meanwhile see some
 * lists a batch ahead of others.
 *
 * <p>A head written before the facts were split ({@code facts} holding them all) is still read, and the next save of
 * that network writes all its parts and replaces the head, so existing data needs no rebuild.
 *
 * <p>The lists are stored as JSON text rather than as trees of BSON fields: nothing ever queries inside them, and the
 * embedded server writes and reads a large text field far faster than a large tree (a network of 3,000 entries
 * replayed in 3.5 s instead of 13 s). Amounts keep their exact decimal value through the text.
 */
@Component
public class NetworkFactsStore {
    public static final String COLLECTION = "network_facts";
    public static final String PARTS = "network_facts_parts";
    /** The field of a part holding the sequence number of the save that wrote it. */
    public static final String PART_SEQUENCE = "sequence";
    /** The field of a head written before the facts were split, holding them all. */
    private static final String WHOLE_FACTS = "facts";
    /** The field of a head counting the pages of each list stored in more than one. */
    private static final String PAGES = "pages";
    /** Items per page of a list: small enough that a page is a small write, large enough that a read needs few. */
    static final int PAGE_SIZE = 100;

    private final MongoTemplate mongo;
    private final int pageSize;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** The facts of one network, up to and including the event at {@code lastSequence}. */
    public record StoredFacts(UUID networkId, long lastSequence, Instant lastRecordedAt, FactsSnapshot facts) {
    }

    /**
     * The stored facts as the projection goes on from them.
     *
     * @param inParts  whether {@code stored} is exactly what the parts hold, so a save need write only the lists that
     *                 differ from it; not so for a head of the older single-document form
     * @param cutShort whether a part was written past the head's sequence: a save was cut short, and the lists cannot
     *                 be gone on from
     */
    public record Loaded(StoredFacts stored, boolean inParts, boolean cutShort) {
    }

    @Autowired
    public NetworkFactsStore(MongoTemplate mongo) {
        this(mongo, PAGE_SIZE);
    }

    NetworkFactsStore(MongoTemplate mongo, int pageSize) {
        this.mongo = mongo;
        this.pageSize = pageSize;
    }

    /** All the facts of a network. */
    public Optional<StoredFacts> find(UUID networkId) {
        return find(networkId, EnumSet.allOf(Part.class));
    }

    /** The facts of a network with only the {@code parts} asked for filled in; the other lists are empty. */
    public Optional<StoredFacts> find(UUID networkId, Set<Part> parts) {
        return load(networkId, parts).map(Loaded::stored);
    }

    /**
     * The sequence number of the last entry folded into the stored facts of a network, read from its head alone; empty
     * when none are stored, or when the head is of the older single-document form.
     */
    public OptionalLong lastSequence(UUID networkId) {
        // a head of the older form has its facts and no page counts
        Document head = heads().find(Filters.eq("_id", networkId.toString()))
                               .projection(Projections.include("lastSequence", PAGES)).first();
        if (head == null || !head.containsKey(PAGES) || !(head.get("lastSequence") instanceof Number sequence)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(sequence.longValue());
    }

    /** All the facts of a network, as the projection goes on from them. */
    public Optional<Loaded> load(UUID networkId) {
        return load(networkId, EnumSet.allOf(Part.class));
    }

    /**
     * Writes the pages of {@code stored} whose items differ from {@code previous} (all of them when {@code previous}
     * is null), each stamped with {@code stored}'s sequence, then the head, then deletes the pages a list that got
     * shorter than in {@code previous} no longer needs.
     */
    public void save(StoredFacts stored, FactsSnapshot previous) {
        String networkId = stored.networkId().toString();
        List<ReplaceOneModel<Document>> changed = new ArrayList<>();
        List<String> unneeded = new ArrayList<>();
        Document pageCounts = new Document();
        for (Part part : Part.values()) {
            List<?> list = part.of(stored.facts());
            List<?> before = previous == null ? null : part.of(previous);
            int pages = pages(list);
            for (int page = 0; page < pages; page++) {
                List<?> items = page(list, page);
                if (before == null || !items.equals(page(before, page))) {
                    Document doc = new Document("_id", pageId(networkId, part, page))
                            .append(PART_SEQUENCE, stored.lastSequence())
                            .append("list", write(items));
                    changed.add(new ReplaceOneModel<>(Filters.eq("_id", doc.getString("_id")), doc,
                                                      new ReplaceOptions().upsert(true)));
                }
            }
            for (int page = pages; before != null && page < pages(before); page++) {
                unneeded.add(pageId(networkId, part, page));
            }
            if (pages > 1) {
                pageCounts.append(part.listName(), pages);
            }
        }
        if (!changed.isEmpty()) {
            parts().bulkWrite(changed);
        }
        Document head = new Document("_id", networkId)
                .append("lastSequence", stored.lastSequence())
                .append("lastRecordedAt", stored.lastRecordedAt() == null ? null : stored.lastRecordedAt().toString())
                .append("network", stored.facts().network() == null ? null : write(stored.facts().network()))
                .append("effectiveEntries", stored.facts().effectiveEntries())
                .append(PAGES, pageCounts);
        heads().replaceOne(Filters.eq("_id", networkId), head, new ReplaceOptions().upsert(true));
        if (!unneeded.isEmpty()) {
            parts().deleteMany(Filters.in("_id", unneeded));
        }
    }

    public void dropAll() {
        mongo.dropCollection(COLLECTION);
        mongo.dropCollection(PARTS);
    }

    private Optional<Loaded> load(UUID networkId, Set<Part> parts) {
        String id = networkId.toString();
        Document head = heads().find(Filters.eq("_id", id)).first();
        if (head == null) {
            return Optional.empty();
        }
        long lastSequence = head.get("lastSequence", Number.class).longValue();
        String recordedAt = head.getString("lastRecordedAt");
        Instant lastRecordedAt = recordedAt == null ? null : Instant.parse(recordedAt);
        if (head.containsKey(WHOLE_FACTS)) {
            FactsSnapshot whole = read(head.getString(WHOLE_FACTS), json.constructType(FactsSnapshot.class));
            return Optional.of(new Loaded(new StoredFacts(networkId, lastSequence, lastRecordedAt, whole), false, false));
        }
        Document pageCounts = head.get(PAGES, Document.class);
        List<String> ids = new ArrayList<>();
        for (Part part : parts) {
            Number pages = pageCounts == null ? null : pageCounts.get(part.listName(), Number.class);
            for (int page = 0; page < (pages == null ? 1 : pages.intValue()); page++) {
                ids.add(pageId(id, part, page));
            }
        }
        Map<Part, SortedMap<Integer, List<?>>> pages = new EnumMap<>(Part.class);
        boolean cutShort = false;
        if (!ids.isEmpty()) {
            for (Document doc : parts().find(Filters.in("_id", ids))) {
                String pageId = doc.getString("_id");
                Part part = partOf(pageId);
                cutShort |= doc.get(PART_SEQUENCE, Number.class).longValue() > lastSequence;
                pages.computeIfAbsent(part, p -> new TreeMap<>())
                     .put(pageOf(pageId), read(doc.getString("list"), json.getTypeFactory()
                                                                         .constructCollectionType(List.class, part.elementType())));
            }
        }
        Map<Part, List<?>> lists = new EnumMap<>(Part.class);
        pages.forEach((part, byPage) -> lists.put(part, byPage.values().stream().flatMap(List::stream).toList()));
        String network = head.getString("network");
        FactsSnapshot facts = FactsSnapshot.of(network == null ? null : read(network, json.constructType(NetworkInfo.class)),
                                               lists, head.get("effectiveEntries", Number.class).longValue());
        return Optional.of(new Loaded(new StoredFacts(networkId, lastSequence, lastRecordedAt, facts), true, cutShort));
    }

    private int pages(List<?> list) {
        return Math.max(1, (list.size() + pageSize - 1) / pageSize);
    }

    private List<?> page(List<?> list, int page) {
        int from = Math.min(list.size(), page * pageSize);
        return list.subList(from, Math.min(list.size(), from + pageSize));
    }

    private static String pageId(String networkId, Part part, int page) {
        return networkId + ":" + part.listName() + (page == 0 ? "" : ":" + page);
    }

    private static Part partOf(String pageId) {
        String[] key = pageId.split(":");
        for (Part part : Part.values()) {
            if (part.listName().equals(key[1])) {
                return part;
            }
        }
        throw new IllegalStateException("No list of the facts is named " + key[1]);
    }

    private static int pageOf(String pageId) {
        String[] key = pageId.split(":");
        return key.length > 2 ? Integer.parseInt(key[2]) : 0;
    }

    private MongoCollection<Document> heads() {
        return mongo.getCollection(COLLECTION);
    }

    private MongoCollection<Document> parts() {
        return mongo.getCollection(PARTS);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the facts of a network", e);
        }
    }

    private <T> T read(String text, JavaType type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the stored facts of a network", e);
        }
    }
}
