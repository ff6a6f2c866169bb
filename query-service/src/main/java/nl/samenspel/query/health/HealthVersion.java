package nl.samenspel.query.health;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.LocalDate;

/**
 * How far a network's health reaches: the last entry of the network's log folded into it and the day it was evaluated
 * on. Of two computations of the same network the one that folded more of the log is newer (a network's entries are
 * folded in sequence order, so the one that folded fewer has not seen some); of two that folded the same entries, the
 * one evaluated later. Stored with the network's health and with each of its months, it lets a write succeed only
 * where nothing newer is stored, so an instance with a stale copy can never replace fresher health.
 */
public record HealthVersion(long lastSequence, LocalDate evaluatedOn) {
    static final String LAST_SEQUENCE = "lastSequence";
    static final String EVALUATED_ON = "evaluatedOn";

    /** The version a stored document carries; null for one written before documents carried it. */
    static HealthVersion of(Document stored) {
        if (stored == null || !(stored.get(LAST_SEQUENCE) instanceof Number sequence) || stored.getString(EVALUATED_ON) == null) {
            return null;
        }
        return new HealthVersion(sequence.longValue(), LocalDate.parse(stored.getString(EVALUATED_ON)));
    }

    boolean isNewerThan(HealthVersion other) {
        return other == null || lastSequence > other.lastSequence
               || lastSequence == other.lastSequence && evaluatedOn.isAfter(other.evaluatedOn);
    }

    /** Adds this version's fields to a document about to be stored. */
    Document stamp(Document document) {
        return document.append(LAST_SEQUENCE, lastSequence).append(EVALUATED_ON, evaluatedOn.toString());
    }

    /** Matches a stored document that is not newer than this version: older, equal, or written without a version. */
    Bson storedNotNewer() {
        // ISO dates (four-digit years) order as text the way they order as dates.
        return Filters.or(Filters.exists(LAST_SEQUENCE, false),
                          Filters.lt(LAST_SEQUENCE, lastSequence),
                          Filters.and(Filters.eq(LAST_SEQUENCE, lastSequence),
                                      Filters.lte(EVALUATED_ON, evaluatedOn.toString())));
    }

    @Override
    public String toString() {
        return "#" + lastSequence + " on " + evaluatedOn;
    }
}
