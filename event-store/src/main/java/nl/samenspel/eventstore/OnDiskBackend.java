package nl.samenspel.eventstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The H2 backend of the on-disk store, in the form this store keeps its file, and answering MongoDB's {@code compact}
 * command.
 *
 * <p>The form: a collection's documents are kept as BSON ({@link BsonDocumentType}, in maps named
 * {@code databases.<collection>}{@value #BSON}) and unique indexes compare their keys value by value
 * ({@link IndexKeyType}, in maps named {@code …<index>}{@value #KEYED}). H2's backend Java-serialises both, and orders
 * index keys by serialising them on every comparison. A file written in that earlier form is brought into this one
 * when a database opens: each collection's documents are copied over, and each old index is removed and built again
 * from the documents. The old maps go in the same commit as the new ones are written, so a crash before it leaves the
 * earlier form in place, to be brought over again.
 *
 * <p>{@code compact}, which the wire server does not know: MongoDB rewrites a collection's data in place; here the
 * whole file is rewritten with live data only, which needs the store closed, so the command marks the compaction as
 * due and it happens when the store is next closed cleanly or, after a crash, before it is next opened
 * ({@link StoreCompaction}).
 */
final class OnDiskBackend extends H2Backend {
    private static final Logger log = LoggerFactory.getLogger(OnDiskBackend.class);
    private final Path file;

    OnDiskBackend(MVStore store, Path file) {
        super(store);
        this.file = file;
    }

    /** Appended to the name H2's backend gives an index map: the index keeps its keys as {@link IndexKeyType}s. */
    static final String KEYED = "$keyed";

    /**
     * Appended to the name H2's backend gives a collection's map of documents: the map keeps them as BSON
     * ({@link BsonDocumentType}). A collection name cannot hold a {@code $}, so no other collection's map ends so.
     */
    static final String BSON = "$bson";

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new OwnFormDatabase(databaseName);
    }

    /**
     * An H2 database whose unique indexes compare their keys without serialising them and whose collections keep
     * their documents as BSON.
     */
    private final class OwnFormDatabase extends H2Database {
        private static final String META_PREFIX = "meta.";

        // Its constructor opens the database's indexes, before any field of this class would be set: everything it
        // needs comes from the enclosing backend.
        OwnFormDatabase(String databaseName) {
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
            return new KeyedUniqueIndex<>(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(legacyMapName(collection.getCollectionName(), indexName) + KEYED);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = getMvStore();
            String legacy = legacyDataMapName(getFullCollectionNamespace(collectionName));
            MVMap<Object, Document> documents = store.openMap(legacy + BSON, new MVMap.Builder<Object, Document>()
                    .valueType(BsonDocumentType.INSTANCE));
            if (store.hasMap(legacy)) {
                // Written by an earlier version, with Java-serialised documents: copied over once, in the same commit
                // as the old map's removal, so a crash before that commit leaves the old map to be copied again.
                MVMap<Object, Document> old = store.openMap(legacy);
                for (Map.Entry<Object, Document> entry : old.entrySet()) {
                    documents.put(entry.getKey(), entry.getValue());
                }
                store.removeMap(old);
                log.info("Copied the {} documents of {} into the store's own form (BSON)", documents.sizeAsLong(),
                         getFullCollectionNamespace(collectionName));
            }
            MVMap<String, Object> meta = store.openMap(META_PREFIX + getFullCollectionNamespace(collectionName));
            return new OwnFormCollection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            getMvStore().removeMap(legacyDataMapName(getFullCollectionNamespace(collectionName)) + BSON);
        }

        /**
         * Refused: with H2's backend a renamed collection shows no documents once the store has opened again, and
         * nothing here renames collections.
         */
        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            throw new MongoServerError(20, "IllegalOperation",
                                       "the embedded store does not rename collections; copy the documents instead");
        }

        /** The name H2's backend gives the map of a collection's documents. */
        private static String legacyDataMapName(String fullCollectionName) {
            return "databases." + fullCollectionName;
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
