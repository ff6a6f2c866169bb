package nl.samenspel.eventstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentMap;

/**
 * A unique index of the embedded store, kept in a concurrent map: an MVStore map whose keys are {@link IndexKeyType}s
 * on disk, a hash map in memory.
 *
 * <p>Every index the event store declares is on one top-level field ({@code _id}, {@code streamKey}, {@code commandId},
 * the heads' and tokens' ids). For such an index the key of a document is that field's value, read directly. The
 * library's general path splits the field name into a path with a regular expression and builds the key through
 * several streams, three times for each document written and for each of its indexes; that was about a third of the
 * server's time spent on an append. Compound keys, dotted paths and array values still take the general path, so the
 * index answers as before in every case.
 */
final class KeyedUniqueIndex<P> extends AbstractUniqueIndex<P> {
    /** The largest long a double holds exactly, up to which the library's comparator orders longs as they are. */
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    private final ConcurrentMap<KeyValue, Object> map;
    private final List<String> keyNames;
    private final Set<String> keyNameSet;
    /** The one top-level field this index is on, or null when it needs the general path. */
    private final String field;

    KeyedUniqueIndex(ConcurrentMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.keyNames = keys.stream().map(IndexKey::getKey).toList();
        this.keyNameSet = Collections.unmodifiableSet(new LinkedHashSet<>(keyNames));
        String only = keyNames.size() == 1 ? keyNames.get(0) : null;
        this.field = only != null && only.indexOf('.') < 0 && !only.startsWith("$") ? only : null;
    }

    // The library builds these two anew on every call, and calls them for every document and query.
    @Override
    protected List<String> keys() {
        return keyNames;
    }

    @Override
    protected Set<String> keySet() {
        return keyNameSet;
    }

    /**
     * The document's value of the index's field ({@link Missing} when it has none), or null when the general path must
     * decide: the index is not on one top-level field, or the value is null or an array.
     */
    private Object simpleValue(Document document) {
        if (field == null) {
            return null;
        }
        Object value = document.getOrMissing(field);
        return value instanceof Collection<?> ? null : value;
    }

    /** The key as the library normalises it; a string, the usual key, normalises to itself. */
    private static KeyValue normalizedKey(Object value) {
        KeyValue key = new KeyValue(value);
        return value instanceof String ? key : key.normalized();
    }

    private boolean sparseAndAbsent(Document document) {
        return isSparse() && !document.containsKey(field);
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        Object value = simpleValue(document);
        return value == null ? super.getKeyValues(document) : Collections.singleton(normalizedKey(value));
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<P> collection) {
        Object value = simpleValue(document);
        if (value == null) {
            super.checkAdd(document, collection);
            return;
        }
        if (sparseAndAbsent(document)) {
            return;
        }
        if (containsKey(normalizedKey(value))) {
            throw duplicate(collection, value);
        }
    }

    private DuplicateKeyError duplicate(MongoCollection<P> collection, Object value) {
        return new DuplicateKeyError(this, collection, getKeys(), new KeyValue(value));
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        Object value = simpleValue(document);
        if (value == null) {
            super.add(document, position, collection);
            return;
        }
        if (sparseAndAbsent(document)) {
            return;
        }
        // The put is the check: a key already held is refused as checkAdd refuses it, with one lookup instead of two.
        if (!putKeyPosition(normalizedKey(value), position)) {
            throw duplicate(collection, value);
        }
    }

    /**
     * A list of ids or keys ({@code {field: {$in: [...]}}}), the way the event store reads events by position, looked up
     * key by key. The library first copies such a list into a set ordered by its general comparator of values, which
     * was a fifth of the server's time on a replay. Where every value is a long (of at most 53 bits, which that
     * comparator orders exactly) or every value is a string, their natural order is the comparator's, so the positions
     * come back in the same order without repeats; any other list takes the library's path.
     */
    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Collection<?> keys = field == null || query.size() != 1 ? null : inList(query.get(field));
        if (keys == null) {
            return super.getPositions(query);
        }
        List<P> positions = new ArrayList<>(keys.size());
        for (Object key : keys) {
            P position = getPosition(normalizedKey(key));
            if (position != null) {
                positions.add(position);
            }
        }
        return positions;
    }

    /** The values of {@code {$in: [...]}} in ascending order without repeats, when all are small longs or all strings; else null. */
    private static Collection<?> inList(Object condition) {
        if (!(condition instanceof Document document) || document.size() != 1
            || !(document.get("$in") instanceof Collection<?> list) || list.isEmpty()) {
            return null;
        }
        Class<?> kind = list.iterator().next().getClass();
        if (kind != Long.class && kind != String.class) {
            return null;
        }
        Object previous = null;
        boolean ascending = true;
        for (Object value : list) {
            if (value == null || value.getClass() != kind
                || value instanceof Long number && Math.abs(number) > EXACT_IN_DOUBLE) {
                return null;
            }
            ascending = ascending && (previous == null || compare(previous, value) < 0);
            previous = value;
        }
        return ascending ? list : new TreeSet<>(list);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    @Override
    protected P removeDocument(KeyValue key) {
        return position(map.remove(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, P position) {
        return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Iterable<Map.Entry<KeyValue, P>> getIterable() {
        return (Iterable<Map.Entry<KeyValue, P>>) (Iterable<?>) map.entrySet();
    }

    @Override
    protected P getPosition(KeyValue key) {
        return position(map.get(key));
    }

    @SuppressWarnings("unchecked")
    private static <P> P position(Object stored) {
        return (P) stored;
    }

    @Override
    public long getCount() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
