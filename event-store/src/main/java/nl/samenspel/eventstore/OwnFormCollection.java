package nl.samenspel.eventstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/** A collection of the on-disk store, in its own form, that answers lookups by a list of ids quickly ({@link IdListQuery}). */
final class OwnFormCollection extends H2Collection {

    OwnFormCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        return IdListQuery.listed(document, query) || super.documentMatchesQuery(document, query);
    }
}
