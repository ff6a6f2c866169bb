package nl.samenspel.eventstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.List;

/**
 * The H2 backend of the on-disk store, answering MongoDB's {@code compact} command, which the wire server does not
 * know. MongoDB rewrites a collection's data in place; here the whole file is rewritten with live data only, which
 * needs the store closed, so the command marks the compaction as due and it happens when the store is next closed
 * cleanly or, after a crash, before it is next opened ({@link StoreCompaction}).
 *
 * <p>Its unique indexes keep their keys as {@link IndexKeyType}s, in maps named {@code …<index>}{@value #KEYED}. An
 * index written by an earlier version (a map without that suffix, whose keys are Java-serialised) is removed when its
 * database opens, and the index is built again from the collection's documents; both happen in the same commit, so a
 * crash before it leaves the old index in place to be replaced again.
 */
final class CompactingH2Backend extends H2Backend {
    private final Path file;

    CompactingH2Backend(MVStore store, Path file) {
        super(store);
        this.file = file;
    }

    /** Appended to the name H2's backend gives an index map: the index keeps its keys as {@link IndexKeyType}s. */
    static final String KEYED = ".keyed";

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new KeyedIndexDatabase(databaseName);
    }

    /** An H2 database whose unique indexes compare their keys without serialising them. */
    private final class KeyedIndexDatabase extends H2Database {
        // Its constructor opens the database's indexes, before any field of this class would be set: everything it
        // needs comes from the enclosing backend.
        KeyedIndexDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore store = getMvStore();
            String legacy = legacyMapName(collectionName, indexName);
            MVMap<KeyValue, Object> map = store.openMap(legacy + KEYED,
                                                        new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
            if (store.hasMap(legacy)) {
                // Written by an earlier version. The new index is empty, so the collection fills it from its
                // documents when it adds the index, as it builds any new index.
                map.clear();
                store.removeMap(legacy);
            }
            return new KeyedUniqueIndex(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(legacyMapName(collection.getCollectionName(), indexName) + KEYED);
        }

        /** The name H2's backend gives the map of an index. */
        private String legacyMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!command.equalsIgnoreCase("compact")) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        StoreCompaction.request(file);
        Document reply = new Document("compactionDue", Boolean.TRUE);
        Utils.markOkay(reply);
        return reply;
    }
}
