package nl.samenspel.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The Axon event storage engine on MongoDB that Samenspel's audit log relies on.
 *
 * <p>It works without multi-document transactions and with only exact-key and {@code $in} lookups, so that it behaves
 * the same on a MongoDB replica set and on the embedded wire-protocol server:
 * <ul>
 *     <li>a commit of k events takes k dense global positions from one counter document ({@code $inc}, asking for
 *     the document as it was <em>before</em> the update); each event document has {@code _id} = its position;</li>
 *     <li>a unique {@code streamKey} ({@code aggregateId:sequenceNumber}) turns a concurrent append to the same
 *     aggregate into Axon's {@link ConcurrencyException};</li>
 *     <li>streaming processors track with Axon's {@link GapAwareTrackingToken}, reading the next positions by
 *     {@code _id $in}. A position that is allocated but not written is a gap: later events are delivered, the gap is
 *     looked at again on every read, and once it is older than the gap time-out it is closed with a placeholder.
 *     A writer whose allocation is older than the write deadline (well below the gap time-out) does not write, and a
 *     failed append turns all its positions into placeholders, so no event can appear after trackers gave up on it;</li>
 *     <li>a commit of several events is written by one ordered insert whose last document, the seal, proves that
 *     the others are in: readers deliver an event of such a commit only once its seal is, so no tracker ever sees
 *     part of a commit that is rejected halfway, and each reader looks at a commit's seal once, not at all of it
 *     for every batch;</li>
 *     <li>trackers read a window of several {@code $in} lists in flight at once;</li>
 *     <li>every event carries the SHA-256 hash of its content chained to the previous event of its aggregate
 *     ({@link HashChain}), which {@link #verifyChain(String)} recomputes.</li>
 * </ul>
 * The design follows Axon's JDBC engine, ported to what MongoDB can do atomically.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);
    private static final String COUNTER_ID = "events";
    private static final String COUNTER_FIELD = "next";
    private static final int DUPLICATE_KEY = 11000;
    private static final GapAwareTrackingToken START = GapAwareTrackingToken.newInstance(0, Collections.emptySet());

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> counters;
    private final Clock clock;
    private final Duration gapTimeout;
    private final Duration writeDeadline;
    private final int maxGapOffset;
    private final int lookupChunk;
    private final int lookupConcurrency;
    private final AppendHook appendHook;
    private final ExecutorService lookups;
    /** The highest position known to be allocated: a tracker far behind it need not read the counter for every batch. */
    private final AtomicLong knownHead = new AtomicLong();
    /** First positions of recent multi-event commits known to be whole, so that readers look at each seal once. */
    private final Set<Long> sealedCommits = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                    return size() > 10_000;
                }
            }));
    private final Map<String, ChainHead> chainHeads = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChainHead> eldest) {
            return size() > 10_000;
        }
    });

    private record ChainHead(long sequenceNumber, String hash) {
    }

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.events = database.getCollection(builder.collectionPrefix + "events");
        this.snapshots = database.getCollection(builder.collectionPrefix + "snapshots");
        this.counters = database.getCollection(builder.collectionPrefix + "counters");
        this.clock = builder.clock;
        this.gapTimeout = builder.gapTimeout;
        this.writeDeadline = builder.writeDeadline;
        this.maxGapOffset = builder.maxGapOffset;
        this.lookupChunk = builder.lookupChunk;
        this.lookupConcurrency = builder.lookupConcurrency;
        this.appendHook = builder.appendHook;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(lookupConcurrency, lookupConcurrency, 30, TimeUnit.SECONDS,
                                                         new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "event-lookup");
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        this.lookups = pool;
        ensureSchema();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the counter document and the unique stream-key index; safe to run from many instances at once. */
    private void ensureSchema() {
        events.createIndex(Indexes.ascending(EventDocuments.STREAM_KEY),
                           new IndexOptions().unique(true).name("streamKey_unique"));
        try {
            counters.updateOne(Filters.eq("_id", COUNTER_ID), Updates.setOnInsert(COUNTER_FIELD, 0L),
                               new com.mongodb.client.model.UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        if (eventMessages.isEmpty()) {
            return;
        }
        List<StoredEvent> chained = chain(eventMessages.stream().map(e -> serialize(e, serializer)).toList());
        int count = chained.size();
        long allocatedAt = clock.millis();
        long first = allocate(count);
        List<Long> positions = LongStream.range(first, first + count).boxed().toList();
        try {
            appendHook.afterAllocation(first, count);
            List<Document> docs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                StoredEvent positioned = withPosition(chained.get(i), first + i);
                docs.add(EventDocuments.toDocument(positioned, allocatedAt, first, count));
            }
            requireWithinDeadline(allocatedAt, first);
            if (count == 1) {
                events.insertOne(docs.get(0));
            } else {
                // Ordered: the last document (the seal) is written only after all the others, and never after a
                // failed one, so a present seal proves the whole commit is there.
                events.insertMany(docs, new InsertManyOptions().ordered(true));
                sealedCommits.add(first);
            }
        } catch (RuntimeException | Error e) {
            abandon(positions, allocatedAt);
            throw translate(e, chained, first);
        }
        knownHead.accumulateAndGet(first + count - 1, Math::max);
        StoredEvent last = chained.get(count - 1);
        chained.forEach(ev -> chainHeads.put(ev.aggregateId(), new ChainHead(ev.sequenceNumber(), ev.hash())));
        log.trace("Appended {} event(s) at positions {}..{}, last {}", count, first, first + count - 1, last.eventId());
    }

    /** Allocates {@code count} dense positions; returns the first. */
    private long allocate(int count) {
        Document before = counters.findOneAndUpdate(Filters.eq("_id", COUNTER_ID), Updates.inc(COUNTER_FIELD, (long) count),
                                                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            throw new EventStoreException("The event counter document is missing");
        }
        return before.get(COUNTER_FIELD, Number.class).longValue() + 1;
    }

    private void requireWithinDeadline(long allocatedAt, long first) {
        long age = clock.millis() - allocatedAt;
        if (age > writeDeadline.toMillis()) {
            throw new WriteDeadlineExceededException(
                    "Append at position " + first + " took " + age + " ms, longer than the write deadline of "
                            + writeDeadline.toMillis() + " ms; it was not stored");
        }
    }

    /** Turns every position of a failed append into a placeholder, so that trackers need not wait for it. */
    private void abandon(List<Long> positions, long allocatedAt) {
        try {
            events.bulkWrite(positions.stream()
                                      .map(p -> new ReplaceOneModel<>(Filters.eq("_id", p),
                                                                      EventDocuments.placeholder(p, allocatedAt),
                                                                      new ReplaceOptions().upsert(true)))
                                      .toList());
        } catch (RuntimeException cleanupFailure) {
            // The positions stay gaps; trackers close them after the gap time-out. Nothing acknowledged is affected.
            log.warn("Could not write placeholders for positions {}: {}", positions, cleanupFailure.toString());
        }
    }

    private RuntimeException translate(Throwable failure, List<StoredEvent> chained, long first) {
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof WriteDeadlineExceededException deadline) {
            return deadline;
        }
        Integer failedIndex = duplicateStreamKeyIndex(failure);
        if (failedIndex != null) {
            StoredEvent conflicting = chained.get(Math.min(failedIndex, chained.size() - 1));
            if (conflicting.sequenceNumber() == 0) {
                return new AggregateStreamCreationException(
                        "Cannot reuse aggregate identifier [" + conflicting.aggregateId() + "] to create aggregate");
            }
            return new ConcurrencyException(String.format(
                    "An event for aggregate [%s] at sequence [%d] was already inserted",
                    conflicting.aggregateId(), conflicting.sequenceNumber()), failure);
        }
        if (isDuplicateKey(failure)) {
            return new WriteDeadlineExceededException("Positions from " + first + " were closed by a reader");
        }
        if (failure instanceof EventStoreException storeException) {
            return storeException;
        }
        return new EventStoreException("Failed to append events at position " + first, failure);
    }

    private static Integer duplicateStreamKeyIndex(Throwable failure) {
        if (failure instanceof MongoWriteException e && e.getError().getCode() == DUPLICATE_KEY
                && e.getError().getMessage().contains(EventDocuments.STREAM_KEY)) {
            return 0;
        }
        if (failure instanceof MongoBulkWriteException e) {
            return e.getWriteErrors().stream()
                    .filter(err -> err.getCode() == DUPLICATE_KEY && err.getMessage().contains(EventDocuments.STREAM_KEY))
                    .map(com.mongodb.bulk.BulkWriteError::getIndex)
                    .findFirst().orElse(null);
        }
        return null;
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return (failure instanceof MongoWriteException e && e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY)
                || (failure instanceof MongoBulkWriteException b && b.getWriteErrors().stream()
                        .anyMatch(err -> err.getCode() == DUPLICATE_KEY));
    }

    private StoredEvent serialize(EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        String aggregateType = null;
        String aggregateId = event.getIdentifier();
        long sequence = 0;
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
            aggregateType = domainEvent.getType();
            aggregateId = domainEvent.getAggregateIdentifier();
            sequence = domainEvent.getSequenceNumber();
        }
        return new StoredEvent(0, event.getIdentifier(), aggregateType, aggregateId, sequence,
                               event.getTimestamp().toString(), payload.getType().getName(),
                               payload.getType().getRevision(), payload.getData(), metaData.getData(), null);
    }

    /** Computes each event's hash, chained to the previous event of its aggregate. */
    private List<StoredEvent> chain(List<StoredEvent> unhashed) {
        Map<String, ChainHead> heads = new HashMap<>();
        List<StoredEvent> result = new ArrayList<>(unhashed.size());
        for (StoredEvent event : unhashed) {
            ChainHead head = heads.computeIfAbsent(event.aggregateId(), id -> previousHead(event));
            if (head.sequenceNumber() != event.sequenceNumber() - 1) {
                throw new EventStoreException("Events of aggregate " + event.aggregateId() + " are not consecutive at "
                                                      + event.sequenceNumber());
            }
            StoredEvent hashed = event.withHash(HashChain.hash(event, head.hash()));
            heads.put(event.aggregateId(), new ChainHead(event.sequenceNumber(), hashed.hash()));
            result.add(hashed);
        }
        return result;
    }

    private ChainHead previousHead(StoredEvent event) {
        long previous = event.sequenceNumber() - 1;
        if (previous < 0) {
            return new ChainHead(-1, HashChain.GENESIS);
        }
        ChainHead cached = chainHeads.get(event.aggregateId());
        if (cached != null && cached.sequenceNumber() == previous) {
            return cached;
        }
        List<Document> committed = readStoredEvents(event.aggregateId(), previous, 1);
        if (committed.isEmpty()) {
            throw new ConcurrencyException("Aggregate " + event.aggregateId() + " has no committed event at sequence "
                                                   + previous);
        }
        return new ChainHead(previous, committed.get(0).getString(EventDocuments.HASH));
    }

    private static StoredEvent withPosition(StoredEvent e, long position) {
        return new StoredEvent(position, e.eventId(), e.aggregateType(), e.aggregateId(), e.sequenceNumber(),
                               e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData(), e.hash());
    }

    // ---------------------------------------------------------------------------------------------- tracking

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("Unsupported token format: " + lastToken);
        }
        GapAwareTrackingToken token = lastToken == null ? START : (GapAwareTrackingToken) lastToken;
        // A window of several lookup lists, read at once, so that catching up is not one round trip per list.
        int windowSize = Math.max(batchSize, lookupChunk * lookupConcurrency);
        List<TrackedEventData<?>> result = new ArrayList<>();
        while (true) {
            long head = headAtLeast(token.getIndex() + windowSize);
            long windowEnd = Math.min(token.getIndex() + windowSize, head);
            SortedSet<Long> positions = new TreeSet<>(token.getGaps());
            for (long p = token.getIndex() + 1; p <= windowEnd; p++) {
                positions.add(p);
            }
            if (positions.isEmpty()) {
                return result;
            }
            Map<Long, Document> docs = findByIds(positions);
            secondLook(positions, docs);
            if (positions.stream().anyMatch(p -> docs.get(p) == null || EventDocuments.isPending(docs.get(p)))) {
                // Documents after the holes tell how old the holes are: the last delivered one and the newest allocated.
                List<Long> probes = new ArrayList<>();
                if (!token.getGaps().isEmpty()) {
                    probes.add(token.getIndex());
                }
                if (head > windowEnd) {
                    probes.add(head);
                }
                probes.removeIf(docs::containsKey);
                docs.putAll(findByIds(probes));
                closeTimedOutGaps(positions, docs);
            }
            stopBeforeUnsealedTail(positions, docs, windowEnd);
            completeCommits(positions, docs);
            boolean advanced = false;
            for (long p : positions) {
                Document doc = docs.get(p);
                if (EventDocuments.isReleasedEvent(doc) && !committed(doc, docs)) {
                    doc = settleIncompleteCommit(p, doc, docs);
                }
                boolean placeholder = doc != null && EventDocuments.isPlaceholder(doc);
                if (!placeholder && !committed(doc, docs)) {
                    continue;
                }
                token = token.advanceTo(p, maxGapOffset);
                advanced = true;
                if (!placeholder) {
                    result.add(new TrackedDomainEventData<>(token, domainEntry(doc)));
                }
            }
            if (!result.isEmpty() || !advanced) {
                return result;
            }
            // Only placeholders in this window: look further with the token moved past them.
        }
    }

    /**
     * When the window ends inside a commit whose seal lies beyond it, and events before that commit can be delivered
     * now, leaves the commit to the next batch, which reads its seal with the rest; saves a lookup of its own.
     */
    private void stopBeforeUnsealedTail(SortedSet<Long> positions, Map<Long, Document> docs, long windowEnd) {
        long tailFirst = positions.stream().map(docs::get)
                .filter(doc -> EventDocuments.isReleasedEvent(doc) && unknownSeal(doc, docs) && sealPosition(doc) > windowEnd)
                .mapToLong(doc -> doc.get(EventDocuments.COMMIT_FIRST, Number.class).longValue()).min().orElse(Long.MAX_VALUE);
        boolean deliverableBefore = positions.headSet(tailFirst).stream().map(docs::get).anyMatch(doc ->
                doc != null && (EventDocuments.isPlaceholder(doc) || EventDocuments.isReleasedEvent(doc) && committed(doc, docs)));
        if (tailFirst != Long.MAX_VALUE && deliverableBefore) {
            positions.tailSet(tailFirst).clear();
        }
    }

    private boolean unknownSeal(Document doc, Map<Long, Document> docs) {
        Number first = doc.get(EventDocuments.COMMIT_FIRST, Number.class);
        return first != null && !sealedCommits.contains(first.longValue()) && !docs.containsKey(sealPosition(doc));
    }

    /**
     * Reads the seals of the commits in the window that are not known yet, then reads once more every position of a
     * sealed commit that was missing in the first read: a seal read later than its commit's other events proves them
     * written, and delivering some of a commit while skipping others would break the network's order.
     */
    private void completeCommits(SortedSet<Long> positions, Map<Long, Document> docs) {
        List<Long> seals = positions.stream().map(docs::get)
                .filter(doc -> EventDocuments.isReleasedEvent(doc) && unknownSeal(doc, docs))
                .map(MongoEventStorageEngine::sealPosition).distinct().toList();
        docs.putAll(findByIds(seals));
        List<Long> unseen = new ArrayList<>();
        for (Document doc : List.copyOf(docs.values())) {
            if (positions.contains(doc.get("_id", Number.class).longValue()) && committed(doc, docs)
                    && doc.containsKey(EventDocuments.COMMIT_FIRST)) {
                long first = doc.get(EventDocuments.COMMIT_FIRST, Number.class).longValue();
                positions.subSet(first, sealPosition(doc) + 1).stream()
                         .filter(p -> !EventDocuments.isReleasedEvent(docs.get(p))).forEach(unseen::add);
            }
        }
        docs.putAll(findByIds(unseen.stream().distinct().toList()));
    }

    /** The last known head if it reaches {@code wanted}; otherwise the head read from the counter. */
    private long headAtLeast(long wanted) {
        long known = knownHead.get();
        return known >= wanted ? known : head();
    }

    /**
     * Looks once more at the positions that were missing or pending in the first read. Documents are not read as one
     * snapshot, so a later event of an aggregate can be seen while an earlier one was not yet; but every event seen in
     * the first read was written after its predecessors, so a second look finds them. Without it, a processor could
     * receive sequence n+1 of a network before sequence n.
     */
    private void secondLook(SortedSet<Long> positions, Map<Long, Document> docs) {
        List<Long> unseen = positions.stream().filter(p -> !EventDocuments.isReleasedEvent(docs.get(p))).toList();
        if (!unseen.isEmpty() && unseen.size() < positions.size()) {
            docs.putAll(findByIds(unseen));
        }
    }

    /**
     * Whether a document is an event whose whole commit is stored: a single-event commit, or one whose last document
     * (its seal, written after all the others by one ordered insert) is in. All of a commit or none of it is delivered.
     * {@code docs} must hold the seal unless the commit is already known to be sealed.
     */
    private boolean committed(Document doc, Map<Long, Document> docs) {
        if (!EventDocuments.isReleasedEvent(doc)) {
            return false;
        }
        Number first = doc.get(EventDocuments.COMMIT_FIRST, Number.class);
        if (first == null || sealedCommits.contains(first.longValue())) {
            return true;
        }
        Document seal = docs.get(sealPosition(doc));
        Number sealFirst = seal == null ? null : seal.get(EventDocuments.COMMIT_FIRST, Number.class);
        boolean sealed = EventDocuments.isReleasedEvent(seal) && sealFirst != null
                && sealFirst.longValue() == first.longValue();
        if (sealed) {
            // Sealed is final: nothing takes a written seal away, so later batches need not look again.
            sealedCommits.add(first.longValue());
        }
        return sealed;
    }

    private static long sealPosition(Document doc) {
        return doc.get(EventDocuments.COMMIT_FIRST, Number.class).longValue()
                + doc.getInteger(EventDocuments.COMMIT_SIZE) - 1;
    }

    /**
     * Decides about an event of a commit whose seal is not (yet) in. Within the gap time-out of its allocation the
     * writer may still be writing: wait. After it, the seal's position is closed like any gap; if the writer's seal got
     * there first the commit is whole after all, otherwise the commit can never complete and this event becomes a
     * placeholder, which frees its stream key for the aggregate.
     */
    private Document settleIncompleteCommit(long position, Document doc, Map<Long, Document> docs) {
        long seal = sealPosition(doc);
        Document sealDoc = docs.get(seal);
        long now = clock.millis();
        if (sealDoc == null || EventDocuments.isPending(sealDoc)) {
            if (allocatedAt(doc) >= now - gapTimeout.toMillis()) {
                return doc;
            }
            docs.put(seal, closeGap(seal, sealDoc != null, now));
            if (committed(doc, docs)) {
                return doc;
            }
        }
        if (EventDocuments.isReleasedEvent(docs.get(seal))) {
            return doc;
        }
        Document placeholder = EventDocuments.placeholder(position, now);
        // The writer's own clean-up may have got there first; either way the position is now a placeholder.
        if (events.replaceOne(Filters.and(Filters.eq("_id", position),
                                          Filters.eq(EventDocuments.EVENT_ID, doc.getString(EventDocuments.EVENT_ID))),
                              placeholder).getModifiedCount() > 0) {
            log.info("Closed position {} of a commit that was never completed", position);
        }
        docs.put(position, placeholder);
        return placeholder;
    }

    /**
     * Closes, with a placeholder, every missing or pending position whose writer must have given up: its allocation
     * (or that of any later position, which was allocated after it) is older than the gap time-out. The insert is
     * guarded by the unique {@code _id}: if the writer's event got there first, that event is kept and delivered.
     */
    private void closeTimedOutGaps(SortedSet<Long> positions, Map<Long, Document> docs) {
        long now = clock.millis();
        long horizon = now - gapTimeout.toMillis();
        TreeSet<Long> known = new TreeSet<>(docs.keySet());
        known.addAll(positions);
        // Only documents at later positions bound a position's age: they were allocated after it.
        long laterAllocation = Long.MAX_VALUE;
        for (long p : known.descendingSet()) {
            Document doc = docs.get(p);
            boolean missing = doc == null;
            boolean pending = !missing && EventDocuments.isPending(doc);
            long ownAllocation = missing ? Long.MAX_VALUE : allocatedAt(doc);
            if (positions.contains(p) && (missing || pending) && Math.min(ownAllocation, laterAllocation) < horizon) {
                docs.put(p, closeGap(p, pending, now));
            }
            laterAllocation = Math.min(laterAllocation, ownAllocation);
        }
    }

    private static long allocatedAt(Document doc) {
        return doc.get(EventDocuments.ALLOCATED_AT, Number.class).longValue();
    }

    private Document closeGap(long position, boolean pending, long now) {
        Document placeholder = EventDocuments.placeholder(position, now);
        try {
            if (pending) {
                events.replaceOne(Filters.and(Filters.eq("_id", position), Filters.eq(EventDocuments.PENDING, true)),
                                  placeholder);
            } else {
                events.insertOne(placeholder);
            }
            log.info("Closed gap at position {} after the gap time-out of {}", position, gapTimeout);
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != DUPLICATE_KEY) {
                throw e;
            }
        }
        Document current = events.find(Filters.eq("_id", position)).first();
        return current != null ? current : placeholder;
    }

    /**
     * Looks documents up by position in {@code $in} lists of {@link Builder#lookupChunk} ids, several in flight at
     * once: each list is a round trip, and the embedded server answers long lists slowly.
     */
    private Map<Long, Document> findByIds(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<Future<List<Document>>> others = new ArrayList<>();
        for (int from = lookupChunk; from < all.size(); from += lookupChunk) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + lookupChunk));
            others.add(lookups.submit(() -> findChunk(chunk)));
        }
        Map<Long, Document> found = new HashMap<>();
        try {
            List<List<Document>> pages = new ArrayList<>();
            pages.add(findChunk(all.subList(0, Math.min(all.size(), lookupChunk))));
            for (Future<List<Document>> other : others) {
                pages.add(other.get());
            }
            pages.forEach(page -> page.forEach(doc -> found.put(doc.get("_id", Number.class).longValue(), doc)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("Interrupted while reading events", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                                                                   : new EventStoreException("Failed to read events", e.getCause());
        } finally {
            others.forEach(other -> other.cancel(true));
        }
        return found;
    }

    private List<Document> findChunk(List<Long> ids) {
        return ids.isEmpty() ? List.of() : events.find(Filters.in("_id", ids)).into(new ArrayList<>(ids.size()));
    }

    /** The highest allocated global position (0 when nothing was ever appended). */
    public long head() {
        Document counter = counters.find(Filters.eq("_id", COUNTER_ID)).first();
        long head = counter == null ? 0 : counter.get(COUNTER_FIELD, Number.class).longValue();
        return knownHead.accumulateAndGet(head, Math::max);
    }

    @Override
    public TrackingToken createTailToken() {
        return START;
    }

    @Override
    public TrackingToken createHeadToken() {
        return GapAwareTrackingToken.newInstance(head(), Collections.emptySet());
    }

    /** Binary search by allocation time over exact-key lookups; positions are allocated in time order. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long target = dateTime.toEpochMilli();
        long lo = 1;
        long hi = head() + 1;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            Optional<Document> probe = firstDocumentFrom(mid, hi);
            if (probe.isEmpty()) {
                hi = mid;
            } else if (allocatedAt(probe.get()) < target) {
                lo = probe.get().get("_id", Number.class).longValue() + 1;
            } else {
                hi = mid;
            }
        }
        return GapAwareTrackingToken.newInstance(lo - 1, Collections.emptySet());
    }

    private Optional<Document> firstDocumentFrom(long from, long untilExclusive) {
        List<Long> ids = LongStream.range(from, Math.min(untilExclusive, from + lookupChunk)).boxed().toList();
        return findByIds(ids).values().stream().min(Comparator.comparingLong(d -> d.get("_id", Number.class).longValue()));
    }

    // ---------------------------------------------------------------------------------------------- aggregates

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        return readStoredEvents(aggregateIdentifier, firstSequenceNumber, batchSize).stream()
                .map(this::domainEntry).toList();
    }

    /**
     * Reads up to {@code limit} committed events of one aggregate from {@code firstSequenceNumber} on, in order,
     * stopping at the first sequence number that is not (yet) committed.
     */
    public List<Document> readStoredEvents(String aggregateIdentifier, long firstSequenceNumber, int limit) {
        List<Document> result = new ArrayList<>();
        long next = firstSequenceNumber;
        while (result.size() < limit) {
            int size = Math.min(lookupChunk, limit - result.size());
            List<String> keys = LongStream.range(next, next + size)
                                          .mapToObj(seq -> EventDocuments.streamKey(aggregateIdentifier, seq)).toList();
            Map<Long, Document> byPosition = new HashMap<>();
            for (Document doc : events.find(Filters.in(EventDocuments.STREAM_KEY, keys))) {
                byPosition.put(doc.get("_id", Number.class).longValue(), doc);
            }
            List<Long> seals = byPosition.values().stream()
                    .filter(doc -> EventDocuments.isReleasedEvent(doc) && doc.containsKey(EventDocuments.COMMIT_FIRST)
                            && !sealedCommits.contains(doc.get(EventDocuments.COMMIT_FIRST, Number.class).longValue()))
                    .map(MongoEventStorageEngine::sealPosition).filter(p -> !byPosition.containsKey(p)).distinct().toList();
            byPosition.putAll(findByIds(seals));
            Map<Long, Document> bySequence = new HashMap<>();
            for (Document doc : byPosition.values()) {
                if (doc.containsKey(EventDocuments.SEQUENCE) && committed(doc, byPosition)
                        && aggregateIdentifier.equals(doc.getString(EventDocuments.AGGREGATE_ID))) {
                    bySequence.put(doc.get(EventDocuments.SEQUENCE, Number.class).longValue(), doc);
                }
            }
            for (long seq = next; seq < next + size; seq++) {
                Document doc = bySequence.get(seq);
                if (doc == null) {
                    return result;
                }
                result.add(doc);
            }
            next += size;
        }
        return result;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document doc = snapshots.find(Filters.eq("_id", aggregateIdentifier)).first();
        return doc == null ? Stream.empty() : Stream.of(domainEntry(doc));
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        StoredEvent stored = serialize(snapshot, serializer);
        Document doc = EventDocuments.toDocument(stored, clock.millis(), false);
        doc.put("_id", snapshot.getAggregateIdentifier());
        doc.remove(EventDocuments.STREAM_KEY);
        snapshots.replaceOne(Filters.eq("_id", snapshot.getAggregateIdentifier()), doc, new ReplaceOptions().upsert(true));
    }

    private DomainEventData<String> domainEntry(Document doc) {
        return new GenericDomainEventEntry<>(doc.getString(EventDocuments.AGGREGATE_TYPE),
                                             doc.getString(EventDocuments.AGGREGATE_ID),
                                             doc.get(EventDocuments.SEQUENCE, Number.class).longValue(),
                                             doc.getString(EventDocuments.EVENT_ID),
                                             doc.getString(EventDocuments.TIMESTAMP),
                                             doc.getString(EventDocuments.PAYLOAD_TYPE),
                                             doc.getString(EventDocuments.PAYLOAD_REVISION),
                                             doc.getString(EventDocuments.PAYLOAD),
                                             doc.getString(EventDocuments.META_DATA));
    }

    // ---------------------------------------------------------------------------------------------- integrity

    /** Recomputes the hash chain of one aggregate (a network) and reports the first break, if any. */
    public ChainVerification verifyChain(String aggregateIdentifier) {
        String previousHash = HashChain.GENESIS;
        long checked = 0;
        List<Document> page;
        do {
            page = readStoredEvents(aggregateIdentifier, checked, 1_000);
            for (Document doc : page) {
                StoredEvent event = StoredEvent.from(doc);
                String expected = HashChain.hash(event, previousHash);
                if (!expected.equals(event.hash())) {
                    return ChainVerification.broken(aggregateIdentifier, checked, event, expected);
                }
                previousHash = event.hash();
                checked++;
            }
        } while (page.size() == 1_000);
        return ChainVerification.intact(aggregateIdentifier, checked, previousHash);
    }

    /** The stored fields of an event document as returned by {@link #readStoredEvents}. */
    public static StoredEvent toStoredEvent(Document doc) {
        return StoredEvent.from(doc);
    }

    /** Every committed event of one aggregate as stored, for export and offline verification. */
    public Stream<StoredEvent> storedEvents(String aggregateIdentifier) {
        return Stream.iterate(0L, seq -> seq + 1_000)
                     .map(seq -> readStoredEvents(aggregateIdentifier, seq, 1_000))
                     .takeWhile(page -> !page.isEmpty())
                     .flatMap(page -> page.stream().map(StoredEvent::from));
    }

    // ---------------------------------------------------------------------------------------------- builder

    /** Builder with the defaults that production uses. */
    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private String collectionPrefix = "";
        private Clock clock = Clock.systemUTC();
        private Duration gapTimeout = Duration.ofSeconds(60);
        private Duration writeDeadline = Duration.ofSeconds(10);
        private int maxGapOffset = 10_000;
        private int lookupChunk = 100;
        private int lookupConcurrency = 4;
        private AppendHook appendHook = AppendHook.NONE;

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder collectionPrefix(String prefix) {
            this.collectionPrefix = prefix;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How long a tracker keeps a gap before it closes it with a placeholder. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** How long after allocating its positions a writer may still write; must be well below the gap time-out. */
        public Builder writeDeadline(Duration writeDeadline) {
            this.writeDeadline = writeDeadline;
            return this;
        }

        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /** Ids per {@code $in} list: its cost grows with the square of the list on the embedded server. */
        public Builder lookupChunk(int lookupChunk) {
            this.lookupChunk = lookupChunk;
            return this;
        }

        /** How many {@code $in} lists one read keeps in flight at once; a tracker's window is this many lists. */
        public Builder lookupConcurrency(int lookupConcurrency) {
            this.lookupConcurrency = lookupConcurrency;
            return this;
        }

        public Builder appendHook(AppendHook appendHook) {
            this.appendHook = appendHook;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("A MongoDatabase is required");
            }
            if (writeDeadline.compareTo(gapTimeout.dividedBy(2)) > 0) {
                throw new AxonConfigurationException("The write deadline (" + writeDeadline
                                                             + ") must be at most half the gap time-out (" + gapTimeout + ")");
            }
        }

        public MongoEventStorageEngine build() {
            return new MongoEventStorageEngine(this);
        }
    }
}
