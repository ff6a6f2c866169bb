package nl.samenspel.query.reads;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * How far the read models are: for a processor, the highest global position up to which it has handled every event,
 * in every segment. A read model built by that processor includes every entry at or below this position.
 *
 * <p>The segments this instance holds are read from the processor itself; when it does not hold them all (several
 * instances share the work, or it is starting), the tokens of every segment are read from the token store instead.
 */
@Component
public class ReadPositions {
    private static final String PROCESSOR_NAME = "processorName";
    private static final String SEGMENT = "segment";
    private static final String TOKEN = "token";
    private static final String TOKEN_TYPE = "tokenType";

    private final EventProcessingConfiguration processing;
    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final MongoEventStorageEngine eventStore;

    public ReadPositions(EventProcessingConfiguration processing, MongoDatabase database, Serializer serializer,
                         MongoEventStorageEngine eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
        // Where the MongoDB token store keeps its tokens (its default collection).
        this.tokens = database.getCollection("trackingtokens");
        this.serializer = serializer;
    }

    /** The position every one of these processors has included: the lowest of theirs. */
    public long included(Collection<String> processors) {
        long included = Long.MAX_VALUE;
        for (String processor : processors) {
            included = Math.min(included, included(processor));
        }
        return included == Long.MAX_VALUE ? 0 : included;
    }

    /** The position the processor has included in every segment; 0 before it handled anything. */
    public long included(String processor) {
        StreamingEventProcessor streaming = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming processor " + processor));
        Map<Integer, EventTrackerStatus> held = streaming.processingStatus();
        double share = held.values().stream().mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1)).sum();
        if (held.isEmpty() || share < 1 - 1e-9) {
            return storedPosition(processor);
        }
        return held.values().stream().mapToLong(status -> passed(included(status.getTrackingToken()))).min().orElse(0);
    }

    /** The lowest position included by any segment, as its token stands in the token store. */
    private long storedPosition(String processor) {
        long lowest = Long.MAX_VALUE;
        for (Document entry : tokens.find(Filters.eq(PROCESSOR_NAME, processor))) {
            if (!(entry.get(SEGMENT) instanceof Number)) {
                continue;
            }
            lowest = Math.min(lowest, passed(included(token(entry))));
        }
        return lowest == Long.MAX_VALUE ? 0 : lowest;
    }

    private TrackingToken token(Document entry) {
        Object data = entry.get(TOKEN);
        String type = entry.getString(TOKEN_TYPE);
        if (data == null || type == null) {
            return null;
        }
        byte[] bytes = data instanceof Binary binary ? binary.getData()
                : data instanceof byte[] raw ? raw : data.toString().getBytes(StandardCharsets.UTF_8);
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    /**
     * A processor that has handled everything up to the last event has nothing to handle in the placeholders of refused
     * appends after it (its token moves only with the next event), once the store has been read past them.
     */
    private long passed(long included) {
        return eventStore.positionPassed(included);
    }

    /**
     * Every position at or below the result has been handled: the token's index, or, while it still waits for a gap
     * below it (a commit that was in flight when later ones were read), the position before the lowest gap. During a
     * replay the read model holds what the replay has reached.
     */
    static long included(TrackingToken token) {
        TrackingToken reached = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (reached == null) {
            return 0;
        }
        if (reached instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getGaps().isEmpty() ? gapAware.getIndex() : gapAware.getGaps().first() - 1;
        }
        return reached.position().orElse(0);
    }
}
