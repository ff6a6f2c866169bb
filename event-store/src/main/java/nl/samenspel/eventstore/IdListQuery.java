package nl.samenspel.eventstore;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A lookup by a list of ids ({@code {_id: {$in: [...]}}}), the way the event store reads events by position, answered
 * by the embedded server without matching each found document against the whole list again.
 *
 * <p>The server finds such documents through the {@code _id} index and then checks every one of them against the
 * query, which for a list of ids compares the document's id with each id of the list. A document whose id is itself in
 * the list matches; every other document, and every other query, goes to the server's full check.
 */
final class IdListQuery {
    private static final String ID = "_id";

    /** The ids of the last query each thread looked at: the server checks all documents of one query on one thread. */
    private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

    private record Last(Document query, Set<Object> ids) {
    }

    private IdListQuery() {
    }

    /** Whether {@code query} is a list of ids that holds {@code document}'s id; false says nothing either way. */
    static boolean listed(Document document, Document query) {
        Set<Object> ids = ids(query);
        return ids != null && ids.contains(document.get(ID));
    }

    /** The ids of a query that is nothing but a list of ids of kinds that equal only themselves; else null. */
    private static Set<Object> ids(Document query) {
        Last last = LAST.get();
        if (last != null && last.query() == query) {
            return last.ids();
        }
        Set<Object> ids = null;
        if (query.size() == 1 && query.get(ID) instanceof Document condition && condition.size() == 1
            && condition.get("$in") instanceof Collection<?> list
            && list.stream().allMatch(id -> id instanceof Long || id instanceof String)) {
            ids = new HashSet<>(list);
        }
        LAST.set(new Last(query, ids));
        return ids;
    }
}
