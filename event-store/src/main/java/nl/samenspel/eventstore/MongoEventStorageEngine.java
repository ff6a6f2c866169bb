package nl.samenspel.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import nl.samenspel.verify.Anchor;
import nl.samenspel.verify.LogEvent;
import nl.samenspel.verify.LogVerifier;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The Axon event storage engine on MongoDB that Samenspel's audit log relies on.
 *
 * <p>It works without multi-document transactions and with only exact-key and {@code $in} lookups, so that it behaves
 * the same on a MongoDB replica set and on the embedded wire-protocol server:
 * <ul>
 *     <li>a commit of k events takes k dense global positions from one counter document ({@code $inc}, asking for
 *     the document as it was <em>before</em> the update); each event document has {@code _id} = its position. An
 *     engine that is its store's only writer ({@link Builder#soleWriter}, the platform's embedded store) takes them
 *     in memory instead, a round trip less per commit: the unique {@code _id} makes the insert the claim, the counter
 *     follows the commits off the appending thread, readers look a little past it, and an engine starting on a store
 *     whose counter lagged at a crash looks past it for the last event;</li>
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
 *     ({@link HashChain}), which {@link #verifyChain(String)} recomputes;</li>
 *     <li>each aggregate's head (last sequence number and hash) is recorded apart from the events, in the heads
 *     collection, after every append (off the appending thread, {@link HeadRecorder}), so a deleted or truncated
 *     tail shows, and reads refuse to skip a hole below it.</li>
 * </ul>
 * The design follows Axon's JDBC engine, ported to what MongoDB can do atomically.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);
    private static final String COUNTER_ID = "events";
    private static final String COUNTER_FIELD = "next";
    private static final int DUPLICATE_KEY = 11000;
    private static final String HEAD = "head";
    private static final String HEAD_RECORDED_AT = "recordedAt";
    private static final String COMMAND_ID_INDEX = "commandId_unique";
    private static final String ID_INDEX = "index: _id_ ";
    /** Commits of at most this many events leave the counter to follow them (see {@link #claim}). */
    private static final int SMALL_COMMIT = 16;
    /** Positions without an event after which {@link #endOfLog} takes the log to end. */
    private static final int PROBE_WINDOW = 4096;
    /** How far past the counter readers look when positions are taken in memory and the counter follows. */
    private static final int TAIL_PROBE = 32;
    /** How many windows may be read ahead at once (a few readers catching up together). */
    private static final int READ_AHEAD_LIMIT = 8;
    /** How old a read ahead may be when its reader asks for it; an older one is read again. */
    private static final Duration READ_AHEAD_MAX_AGE = Duration.ofSeconds(1);
    /** How often an append looks for the end of the log again when another writer took its positions. */
    private static final int CLAIM_ATTEMPTS = 5;
    private static final String COMMAND_ID_MARKER = "commandIdsIndexed";
    private static final GapAwareTrackingToken START = GapAwareTrackingToken.newInstance(0, Collections.emptySet());

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    /** The secret snapshots are sealed with, or null: see {@link #readSnapshotData(String)}. */
    private final byte[] snapshotSecret;
    /** The key events are sealed with, or null: see {@link Builder#sealingKey}. */
    private final CheckpointKey sealingKey;
    /** The seals of the events this engine appended last, by event id: a command's answer needs no second signing. */
    private final Map<String, String> appendedSeals = Collections.synchronizedMap(lastUsed(1_000));
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> heads;
    private final Clock clock;
    private final Duration gapTimeout;
    private final Duration writeDeadline;
    private final int maxGapOffset;
    private final int lookupChunk;
    private final int windowChunk;
    private final int lookupConcurrency;
    private final AppendHook appendHook;
    private final ExecutorService lookups;
    private final HeadRecorder headRecorder;
    /** The highest position known to be allocated: a tracker far behind it need not read the counter for every batch. */
    private final AtomicLong knownHead = new AtomicLong();
    /** First positions of recent multi-event commits known to be whole, so that readers look at each seal once. */
    private final Set<Long> sealedCommits = Collections.synchronizedSet(Collections.newSetFromMap(lastUsed(10_000)));
    private final Map<String, ChainHead> chainHeads = Collections.synchronizedMap(lastUsed(10_000));
    /** The highest sequence number of each network this engine's readers delivered: see {@link #withoutPredecessor}. */
    private final Map<String, Long> deliveredSequences = Collections.synchronizedMap(lastUsed(10_000));
    /**
     * The events this engine stored under a command's id (the first event of each command), for the latest commands
     * only: a command's answer names where its entry landed without reading it back ({@link #storedByCommandId}).
     */
    private final Map<String, StoredEvent> appendedByCommand = Collections.synchronizedMap(lastUsed(1_000));

    /**
     * The placeholders this engine last read at the end of the log: the positions after {@code from} up to
     * {@code through} hold nothing to deliver; see {@link #positionPassed}.
     */
    private final AtomicReference<PassedTail> passedTail = new AtomicReference<>();
    /** Windows being read ahead, by their first position; see {@link #readAhead}. */
    private final Map<Long, ReadAhead> readingAhead = new ConcurrentHashMap<>();

    private record PassedTail(long from, long through) {
    }

    /** The lookups of a window read ahead, up to and including the position {@code through}, started at a nano time. */
    private record ReadAhead(long through, long startedAt, List<Future<List<Document>>> pages) {
    }

    /** An aggregate's last event: its sequence number, hash and global position (0 when not known). */
    private record ChainHead(long sequenceNumber, String hash, long position) {
    }

    /** The events of a commit, hashed, and the highest position of an event they follow (0 when none is known). */
    private record Chained(List<StoredEvent> events, long afterPosition) {
    }

    /**
     * Whether this engine is the only one that appends to its collections (the platform's embedded store): it then
     * takes positions from {@link #nextPosition} in memory instead of from the counter document, and the insert
     * itself, on the unique {@code _id}, is the claim; the counter only follows, for readers.
     */
    private final boolean soleWriter;
    /** The next free position when {@link #soleWriter}; 0 until found at the first append. Guarded by itself. */
    private final AtomicLong nextPosition = new AtomicLong();

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.events = database.getCollection(builder.collectionPrefix + "events")
                .withCodecRegistry(EventDocumentCodec.over(database.getCodecRegistry()));
        this.snapshots = database.getCollection(builder.collectionPrefix + "snapshots");
        this.snapshotSecret = builder.snapshotSecret;
        this.sealingKey = builder.sealingKey;
        // The counter and the recorded heads need not be journaled before they are answered: the counter is on disk
        // whenever an event allocated from it is (the event is written after it, and a journaled write takes every
        // earlier write with it), and a head lost in a crash only lags, which verification tolerates. Only the events
        // are waited for, so a commit costs one sync, not three. The majority a replica set is asked for is kept.
        WriteConcern unjournaled = database.getWriteConcern().withJournal(false);
        this.counters = database.getCollection(builder.collectionPrefix + "counters").withWriteConcern(unjournaled);
        this.heads = database.getCollection(builder.collectionPrefix + "heads").withWriteConcern(unjournaled);
        this.headRecorder = new HeadRecorder(heads, HEAD, HEAD_RECORDED_AT, this::moveCounterTo);
        this.clock = builder.clock;
        this.gapTimeout = builder.gapTimeout;
        this.writeDeadline = builder.writeDeadline;
        this.maxGapOffset = builder.maxGapOffset;
        this.lookupChunk = builder.lookupChunk;
        this.windowChunk = builder.windowChunk;
        this.lookupConcurrency = builder.lookupConcurrency;
        this.appendHook = builder.appendHook;
        this.soleWriter = builder.soleWriter;
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
        events.createIndex(Indexes.ascending(EventDocuments.COMMAND_ID),
                           new IndexOptions().unique(true).sparse(true).name(COMMAND_ID_INDEX));
        indexCommandIdsOfOlderEvents();
        try {
            counters.updateOne(Filters.eq("_id", COUNTER_ID), Updates.setOnInsert(COUNTER_FIELD, 0L),
                               new com.mongodb.client.model.UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Events stored before command ids had a field of their own carry them only in their serialized metadata: copies
     * them out once (a marker in the counters collection says it was done), so that resending such a command is
     * recognised too. Safe to run from several instances at once: the copy is idempotent.
     */
    private void indexCommandIdsOfOlderEvents() {
        if (counters.find(Filters.eq("_id", COMMAND_ID_MARKER)).first() != null) {
            return;
        }
        long copied = 0;
        for (Document doc : events.find(Filters.and(Filters.exists(EventDocuments.COMMAND_ID, false),
                                                    Filters.exists(EventDocuments.META_DATA, true)))
                                  .projection(new Document(EventDocuments.META_DATA, 1))) {
            Object commandId = parseMetaData(doc.getString(EventDocuments.META_DATA)).get(EventDocuments.COMMAND_ID);
            if (commandId == null) {
                continue;
            }
            try {
                events.updateOne(Filters.and(Filters.eq("_id", doc.get("_id")),
                                             Filters.exists(EventDocuments.COMMAND_ID, false)),
                                 Updates.set(EventDocuments.COMMAND_ID, commandId.toString()));
                copied++;
            } catch (MongoWriteException e) {
                if (e.getError().getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                // Before ids were checked across networks, one id could be used in two; the first keeps it.
                log.warn("Command id {} of the event at position {} was already used by an earlier event",
                         commandId, doc.get("_id"));
            }
        }
        counters.updateOne(Filters.eq("_id", COMMAND_ID_MARKER), Updates.set("at", clock.millis()),
                           new com.mongodb.client.model.UpdateOptions().upsert(true));
        if (copied > 0) {
            log.info("Indexed the command ids of {} events stored before they had a field of their own", copied);
        }
    }

    private static Document parseMetaData(String metaData) {
        try {
            return metaData == null || !metaData.startsWith("{") ? new Document() : Document.parse(metaData);
        } catch (RuntimeException unreadable) {
            return new Document();
        }
    }

    /** A map that keeps at most {@code limit} entries, dropping the one used longest ago. Not synchronized. */
    private static <K, V> Map<K, V> lastUsed(int limit) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > limit;
            }
        };
    }

    // ---------------------------------------------------------------------------------------------- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        if (eventMessages.isEmpty()) {
            return;
        }
        Chained commit = chain(eventMessages.stream().map(e -> serialize(e, serializer)).toList());
        List<StoredEvent> chained = commit.events();
        int count = chained.size();
        List<String> seals = seals(chained, eventMessages);
        for (int attempt = 1; ; attempt++) {
            long allocatedAt = clock.millis();
            long first = soleWriter ? claim(count, commit.afterPosition()) : allocate(count);
            List<Long> positions = LongStream.range(first, first + count).boxed().toList();
            List<Document> docs = new ArrayList<>(count);
            Map<String, StoredEvent> byCommand = new HashMap<>();
            try {
                appendHook.afterAllocation(first, count);
                for (int i = 0; i < count; i++) {
                    StoredEvent positioned = withPosition(chained.get(i), first + i);
                    Document doc = EventDocuments.toDocument(positioned, allocatedAt, first, count);
                    if (seals.get(i) != null) {
                        doc.append(EventDocuments.SEAL, seals.get(i));
                    }
                    Object commandId = eventMessages.get(i).getMetaData().get(EventDocuments.COMMAND_ID);
                    // The first event a command causes carries its id; the unique index then refuses its reuse.
                    if (commandId != null && byCommand.putIfAbsent(commandId.toString(), positioned) == null) {
                        doc.append(EventDocuments.COMMAND_ID, commandId.toString());
                    }
                    docs.add(doc);
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
                abandon(positions, docs, allocatedAt);
                if (e instanceof RuntimeException && isDuplicateKeyOn(e, ID_INDEX) && attempt < CLAIM_ATTEMPTS) {
                    // A writer that takes its positions in memory got there first: append again after the log's end.
                    log.warn("A position from {} on was taken by another writer; appending again after the end", first);
                    long end = endOfLog(first + count - 1);
                    if (soleWriter) {
                        synchronized (nextPosition) {
                            nextPosition.accumulateAndGet(end + 1, Math::max);
                        }
                    } else {
                        moveCounterTo(end);
                    }
                    continue;
                }
                throw translate(e, chained, first);
            }
            knownHead.accumulateAndGet(first + count - 1, Math::max);
            appendedByCommand.putAll(byCommand);
            for (int i = 0; i < count; i++) {
                if (seals.get(i) != null) {
                    appendedSeals.put(chained.get(i).eventId(), seals.get(i));
                }
            }
            recordHeads(chained, soleWriter ? first + count - 1 : 0);
            for (int i = 0; i < count; i++) {
                StoredEvent ev = chained.get(i);
                chainHeads.put(ev.aggregateId(), new ChainHead(ev.sequenceNumber(), ev.hash(), first + i));
            }
            log.trace("Appended {} event(s) at positions {}..{}, last {}", count, first, first + count - 1,
                      chained.get(count - 1).eventId());
            return;
        }
    }

    /**
     * Takes {@code count} dense positions from memory, after {@code after} (the position of an event the commit
     * follows, so that an aggregate's events stay in position order even if another writer appeared). A commit of
     * more than {@value #SMALL_COMMIT} events moves the counter on before it is written: after a crash,
     * {@link #endOfLog} then has only small commits to look past.
     */
    private long claim(int count, long after) {
        synchronized (nextPosition) {
            if (nextPosition.get() == 0) {
                nextPosition.set(endOfLog(0) + 1);
            }
            long first = Math.max(nextPosition.get(), after + 1);
            nextPosition.set(first + count);
            if (count > SMALL_COMMIT) {
                moveCounterTo(first + count - 1);
            }
            return first;
        }
    }

    /** Moves the counter on to {@code position}, never back ({@code $max}). */
    private void moveCounterTo(long position) {
        counters.updateOne(Filters.eq("_id", COUNTER_ID), Updates.max(COUNTER_FIELD, position));
    }

    /**
     * The last position of the log, at least {@code atLeast}: the counter's, then past every event found after it. With
     * positions taken in memory, the counter may lag the events written just before a crash, but only by commits of at
     * most {@value #SMALL_COMMIT} events each (larger ones move it on first), so {@value #PROBE_WINDOW} positions
     * without an event mean the end.
     */
    private long endOfLog(long atLeast) {
        return lastFoundAfter(Math.max(counterHead(), atLeast), PROBE_WINDOW);
    }

    /** The last position with a document, looking on from {@code end} as long as {@code window} positions hold one. */
    private long lastFoundAfter(long end, int window) {
        while (true) {
            long from = end + 1;
            OptionalLong last = findByIds(LongStream.range(from, from + window).boxed().toList())
                    .keySet().stream().mapToLong(Long::longValue).max();
            if (last.isEmpty()) {
                return end;
            }
            end = last.getAsLong();
        }
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

    /**
     * Turns every position of a failed append into a placeholder, so that trackers need not wait for it: the
     * documents this append wrote (found by their event ids) are replaced, and the positions still empty are filled. A
     * position another writer took keeps that writer's event.
     */
    private void abandon(List<Long> positions, List<Document> docs, long allocatedAt) {
        // One unordered bulk: whichever runs first, a position ends as this append's placeholder if it was empty or
        // held this append's event, and keeps any other writer's event (its insert is refused as a duplicate).
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document doc : docs) {
            writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", doc.get("_id")),
                                                         Filters.eq(EventDocuments.EVENT_ID,
                                                                    doc.getString(EventDocuments.EVENT_ID))),
                                             EventDocuments.placeholder(doc.get("_id", Number.class).longValue(),
                                                                        allocatedAt)));
        }
        positions.forEach(p -> writes.add(new InsertOneModel<>(EventDocuments.placeholder(p, allocatedAt))));
        try {
            events.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException taken) {
            if (taken.getWriteErrors().stream().anyMatch(err -> err.getCode() != DUPLICATE_KEY)) {
                log.warn("Could not write placeholders for positions {}: {}", positions, taken.toString());
            }
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
        if (isDuplicateKeyOn(failure, COMMAND_ID_INDEX)) {
            // Another writer logged a command with the same id first; deciding again finds it and answers for it.
            return new ConcurrencyException("A command id of this commit was just used by another append", failure);
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

    private static boolean isDuplicateKeyOn(Throwable failure, String index) {
        if (failure instanceof MongoWriteException e) {
            return e.getError().getCode() == DUPLICATE_KEY && e.getError().getMessage().contains(index);
        }
        return failure instanceof MongoBulkWriteException e && e.getWriteErrors().stream()
                .anyMatch(err -> err.getCode() == DUPLICATE_KEY && err.getMessage().contains(index));
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
    private Chained chain(List<StoredEvent> unhashed) {
        Map<String, ChainHead> heads = new HashMap<>();
        List<StoredEvent> result = new ArrayList<>(unhashed.size());
        long after = 0;
        for (StoredEvent event : unhashed) {
            ChainHead head = heads.get(event.aggregateId());
            if (head == null) {
                head = previousHead(event);
                after = Math.max(after, head.position());
            }
            if (head.sequenceNumber() != event.sequenceNumber() - 1) {
                throw new EventStoreException("Events of aggregate " + event.aggregateId() + " are not consecutive at "
                                                      + event.sequenceNumber());
            }
            StoredEvent hashed = event.withHash(HashChain.hash(event, head.hash()));
            heads.put(event.aggregateId(), new ChainHead(event.sequenceNumber(), hashed.hash(), 0));
            result.add(hashed);
        }
        return new Chained(result, after);
    }

    private ChainHead previousHead(StoredEvent event) {
        long previous = event.sequenceNumber() - 1;
        if (previous < 0) {
            return new ChainHead(-1, HashChain.GENESIS, 0);
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
        requireSealed(committed.get(0));
        return new ChainHead(previous, committed.get(0).getString(EventDocuments.HASH),
                             committed.get(0).get("_id", Number.class).longValue());
    }

    private static StoredEvent withPosition(StoredEvent e, long position) {
        return new StoredEvent(position, e.eventId(), e.aggregateType(), e.aggregateId(), e.sequenceNumber(),
                               e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData(), e.hash());
    }

    /**
     * An event this engine did not just append itself must carry a seal that verifies before anything is chained onto
     * it: an event put into the store by other means, or one changed since it was logged, would otherwise be sealed
     * over by the next entry, and the log would read as the platform's own.
     */
    private void requireSealed(Document previous) {
        if (sealingKey != null && checkedSeal(previous) == null) {
            throw new BrokenStreamException(previous.getString(EventDocuments.AGGREGATE_ID),
                                            previous.get(EventDocuments.SEQUENCE, Number.class).longValue(),
                                            recordedHeadSequence(previous.getString(EventDocuments.AGGREGATE_ID)),
                                            "it carries no seal of the platform");
        }
    }

    /**
     * The receipt the stored event's seal signs, checked against the event as it is stored now; null when it carries
     * no seal. A seal that does not verify means the event, or the log before it, was changed after it was logged.
     */
    private Anchor checkedSeal(Document doc) {
        String seal = doc.getString(EventDocuments.SEAL);
        if (seal == null) {
            return null;
        }
        StoredEvent stored = StoredEvent.from(doc);
        Anchor sealed = stored.receipt(seal);
        if (!nl.samenspel.verify.Signatures.verify(sealingKey.publicKey(), sealed)) {
            throw new BrokenStreamException(stored.aggregateId(), stored.sequenceNumber(),
                                            recordedHeadSequence(stored.aggregateId()),
                                            "its seal does not verify: changed after it was logged");
        }
        return sealed;
    }

    /**
     * The seals of a commit's events, by index (null where an event gets none): the last event of each network in the
     * commit (so every log ends, after every commit, in a seal) and the first event of each command (whose receipt a
     * command's answer is). An event inside a commit needs no seal of its own: the seal after it covers its hash
     * through the chain. One signature per single-entry command, as its receipt always took.
     */
    private List<String> seals(List<StoredEvent> chained, List<? extends EventMessage<?>> messages) {
        List<String> seals = new ArrayList<>(Collections.nCopies(chained.size(), (String) null));
        if (sealingKey == null) {
            return seals;
        }
        Set<String> laterOfItsNetwork = new HashSet<>();
        Set<String> commands = new HashSet<>();
        for (int i = chained.size() - 1; i >= 0; i--) {
            boolean lastOfItsNetwork = laterOfItsNetwork.add(chained.get(i).aggregateId());
            if (lastOfItsNetwork) {
                seals.set(i, seal(chained.get(i)));
            }
        }
        for (int i = 0; i < chained.size(); i++) {
            Object commandId = messages.get(i).getMetaData().get(EventDocuments.COMMAND_ID);
            if (commandId != null && commands.add(commandId.toString()) && seals.get(i) == null) {
                seals.set(i, seal(chained.get(i)));
            }
        }
        return seals;
    }

    /** The event's seal: the platform's signature over its receipt; null without a sealing key. */
    private String seal(StoredEvent event) {
        return sealingKey == null ? null : sealingKey.sign(event.receipt(null));
    }

    /**
     * The event's receipt, signed by its seal: the seal this engine stored with it (checked against the event as it is
     * stored now, unless this engine has just appended it). Null when the event carries no seal (logged before events
     * were sealed) or there is no sealing key: the caller signs the receipt itself. A seal that does not verify means
     * the event, or the log before it, was changed after it was logged: no receipt is given for it.
     */
    public Anchor sealedReceipt(StoredEvent event) {
        if (sealingKey == null) {
            return null;
        }
        String appended = appendedSeals.get(event.eventId());
        if (appended != null) {
            return event.receipt(appended);
        }
        Document doc = events.find(Filters.eq("_id", event.globalPosition())).first();
        return doc == null ? null : checkedSeal(doc);
    }

    /**
     * The networks whose log carries no seal at all: logged before entries were sealed (or while no lasting key was
     * configured), or stripped of every seal in the store. The store cannot tell the two apart, so such a log takes no
     * new entry and its verification reports it until an operator who knows it to be from before sealing has
     * {@link #sealLastEvents()} run once.
     */
    public List<String> unsealedLogs() {
        return List.copyOf(lastEventsOfUnsealedLogs().keySet());
    }

    /**
     * Seals the last event of every log that carries no seal at all ({@link #unsealedLogs()}), so that every log ends
     * in a seal; answers how many were sealed. Run at an operator's word only: it vouches for those logs as they are
     * stored now. A log that carries seals but ends in events without one is left as it is: those events were not
     * logged through the platform, and sealing them would vouch for them (its verification reports them). Safe to run
     * while others append: an event sealed here that is no longer the last is sealed all the same, and a seal is only
     * ever added, never replaced.
     */
    public int sealLastEvents() {
        int sealed = 0;
        for (Document last : lastEventsOfUnsealedLogs().values()) {
            String seal = seal(StoredEvent.from(last));
            if (events.updateOne(Filters.and(Filters.eq("_id", last.get("_id")),
                                             Filters.exists(EventDocuments.SEAL, false)),
                                 Updates.set(EventDocuments.SEAL, seal)).getModifiedCount() > 0) {
                sealed++;
            }
        }
        if (sealed > 0) {
            log.info("Sealed the last event of {} network log(s) that carried no seal", sealed);
        }
        return sealed;
    }

    /** The last event of each log that carries no seal at all, by network; none without a sealing key. */
    private Map<String, Document> lastEventsOfUnsealedLogs() {
        Map<String, Document> unsealed = new LinkedHashMap<>();
        if (sealingKey == null) {
            return unsealed;
        }
        for (Document head : heads.find()) {
            String aggregate = head.getString("_id");
            long sequence = storedHeadSequence(aggregate);
            Document last = null;
            for (long seq = Math.max(0, sequence); ; seq++) {
                Document doc = events.find(Filters.eq(EventDocuments.STREAM_KEY,
                                                      EventDocuments.streamKey(aggregate, seq))).first();
                if (!EventDocuments.isReleasedEvent(doc)) {
                    break;
                }
                last = doc;
            }
            if (last != null && !last.containsKey(EventDocuments.SEAL)) {
                long lastSealed = lastSealedBefore(aggregate, last.get(EventDocuments.SEQUENCE, Number.class).longValue());
                if (lastSealed >= 0) {
                    log.warn("The log of {} ends in events without a seal after the sealed event at sequence {}: they "
                             + "were not logged through the platform and are not sealed; its verification reports them",
                             aggregate, lastSealed);
                } else {
                    unsealed.put(aggregate, last);
                }
            }
        }
        return unsealed;
    }

    /** The sequence number of the last event before {@code sequence} that carries a seal, or -1 when none does. */
    private long lastSealedBefore(String aggregate, long sequence) {
        for (long to = sequence; to > 0; to -= lookupChunk) {
            long from = Math.max(0, to - lookupChunk);
            List<String> keys = LongStream.range(from, to).mapToObj(seq -> EventDocuments.streamKey(aggregate, seq))
                                          .toList();
            long found = -1;
            for (Document doc : events.find(Filters.and(Filters.in(EventDocuments.STREAM_KEY, keys),
                                                        Filters.exists(EventDocuments.SEAL)))) {
                found = Math.max(found, doc.get(EventDocuments.SEQUENCE, Number.class).longValue());
            }
            if (found >= 0) {
                return found;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------- recorded heads

    /**
     * Hands the new head of every aggregate the commit appended to over to the {@link HeadRecorder}, which records it
     * apart from the events after they are written and released: one exact-key {@code $max} upsert per aggregate, the
     * head one text, the sequence number zero-padded then the hash, so two commits that finish out of order leave the
     * later one's head. If that write fails, the events stand and the head lags until the aggregate's next append;
     * verification then treats the events after it as an unrecorded tail that must still chain.
     */
    private void recordHeads(List<StoredEvent> chained, long lastPosition) {
        Map<String, StoredEvent> lastEvents = new LinkedHashMap<>();
        chained.forEach(ev -> lastEvents.put(ev.aggregateId(), ev));
        Map<String, String> lastPerAggregate = new LinkedHashMap<>();
        lastEvents.forEach((aggregate, ev) -> lastPerAggregate.put(aggregate, headText(ev.sequenceNumber(), ev.hash())));
        headRecorder.record(lastPerAggregate, Instant.ofEpochMilli(clock.millis()).toString(), lastPosition);
    }

    /** Writes the heads still being recorded; nothing may be appended after this. */
    public void close() {
        headRecorder.close();
    }

    /** The recorded form of a head: ordered as text exactly as by sequence number. */
    static String headText(long sequenceNumber, String hash) {
        if (sequenceNumber < 0) {
            throw new IllegalArgumentException("A sequence number is never negative: " + sequenceNumber);
        }
        // Padded by hand: String.format took a tenth of the appending thread's CPU.
        String digits = Long.toString(sequenceNumber);
        return "0".repeat(19 - digits.length()) + digits + ":" + hash;
    }

    /** The head of an aggregate as recorded apart from its events; null when none was recorded. */
    public Anchor recordedHead(String aggregateIdentifier) {
        headRecorder.awaitRecorded(aggregateIdentifier);
        return storedHead(aggregateIdentifier);
    }

    /** The head as it stands in the store now, without waiting for heads being recorded; null when there is none. */
    private Anchor storedHead(String aggregateIdentifier) {
        Document doc = heads.find(Filters.eq("_id", aggregateIdentifier)).first();
        String head = doc == null ? null : doc.getString(HEAD);
        int colon = head == null ? -1 : head.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new Anchor("head", aggregateIdentifier, Long.parseLong(head.substring(0, colon)),
                          head.substring(colon + 1), doc.getString(HEAD_RECORDED_AT), null);
    }

    /** The sequence number of {@link #storedHead}; -1 when there is none or its text is no head. */
    private long storedHeadSequence(String aggregateIdentifier) {
        try {
            Anchor head = storedHead(aggregateIdentifier);
            return head == null ? -1 : head.sequence();
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private long recordedHeadSequence(String aggregateIdentifier) {
        Anchor head = recordedHead(aggregateIdentifier);
        return head == null ? -1 : head.sequence();
    }

    // ---------------------------------------------------------------------------------------------- tracking

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("Unsupported token format: " + lastToken);
        }
        GapAwareTrackingToken start = lastToken == null ? START : (GapAwareTrackingToken) lastToken;
        GapAwareTrackingToken token = start;
        // A window of several lookup lists, read at once, so that catching up is not one round trip per list.
        int windowSize = Math.max(batchSize, windowChunk * lookupConcurrency);
        List<TrackedEventData<?>> result = new ArrayList<>();
        while (true) {
            long head = headAtLeast(token.getIndex() + windowSize);
            // With positions taken in memory the counter may lag the last commits: look a little past it, or past the
            // last position read if that lies further, so a counter that stopped following cannot stop the reader.
            long windowEnd = Math.min(token.getIndex() + windowSize,
                                      soleWriter ? Math.max(head, token.getIndex()) + TAIL_PROBE : head);
            SortedSet<Long> positions = new TreeSet<>(token.getGaps());
            for (long p = token.getIndex() + 1; p <= windowEnd; p++) {
                positions.add(p);
            }
            if (positions.isEmpty()) {
                notePassedTail(start, token);
                return result;
            }
            Map<Long, Document> docs = readAheadOr(token, positions);
            if (token.getGaps().isEmpty() && docs.size() == positions.size() && head > windowEnd) {
                readAhead(windowEnd + 1, Math.min(windowEnd + windowSize, head));
            }
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
            Set<Long> orphans = withoutPredecessor(positions, docs);
            boolean advanced = false;
            for (long p : positions) {
                Document doc = docs.get(p);
                // What does not continue a network's log (the log is read by stream key and verified entry by entry
                // from the first) is passed over like a placeholder: the read models show only what the log holds.
                String notOfTheLog = orphans.contains(p) ? "no entry at the sequence number before it"
                        : EventDocuments.isReleasedEvent(doc) && !EventDocuments.inItsStream(doc)
                        ? "a stream key other than its network's and sequence number's" : null;
                if (notOfTheLog != null) {
                    log.warn("Position {} holds {} ({}:{}) with {}; it does not continue the log and is passed over", p,
                             doc.getString(EventDocuments.STREAM_KEY), doc.getString(EventDocuments.AGGREGATE_ID),
                             doc.get(EventDocuments.SEQUENCE), notOfTheLog);
                    token = token.advanceTo(p, maxGapOffset);
                    advanced = true;
                    continue;
                }
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
                    deliveredSequences.merge(doc.getString(EventDocuments.AGGREGATE_ID),
                                             doc.get(EventDocuments.SEQUENCE, Number.class).longValue(), Math::max);
                }
            }
            if (!result.isEmpty()) {
                return result;
            }
            if (!advanced) {
                notePassedTail(start, token);
                return result;
            }
            // Only placeholders in this window: look further with the token moved past them.
        }
    }

    /**
     * The positions of this window whose event (released, in its own stream, past its network's first) has no entry
     * at the sequence number before it in its network's log: one someone put into the store ahead of the log. An
     * entry is known to have its predecessor when a later or equal sequence number of its network was delivered
     * before (every delivered one had its own), when the predecessor is in the window, or else by one lookup of all
     * the window's remaining predecessors.
     */
    private Set<Long> withoutPredecessor(Collection<Long> positions, Map<Long, Document> docs) {
        Map<String, Long> asked = new HashMap<>();
        Set<String> inWindow = null;
        for (long p : positions) {
            Document doc = docs.get(p);
            if (!EventDocuments.isReleasedEvent(doc) || !EventDocuments.inItsStream(doc)) {
                continue;
            }
            String aggregate = doc.getString(EventDocuments.AGGREGATE_ID);
            long sequence = doc.get(EventDocuments.SEQUENCE, Number.class).longValue();
            Long delivered = deliveredSequences.get(aggregate);
            if (sequence == 0 || delivered != null && delivered >= sequence - 1) {
                continue;
            }
            if (inWindow == null) {
                inWindow = new HashSet<>();
                for (Document windowed : docs.values()) {
                    if (EventDocuments.isReleasedEvent(windowed)) {
                        inWindow.add(windowed.getString(EventDocuments.STREAM_KEY));
                    }
                }
            }
            String before = EventDocuments.streamKey(aggregate, sequence - 1);
            if (!inWindow.contains(before)) {
                asked.put(before, p);
            }
        }
        if (asked.isEmpty()) {
            return Set.of();
        }
        for (Document doc : events.find(Filters.in(EventDocuments.STREAM_KEY, asked.keySet()))) {
            // A predecessor still pending (its commit being written by another writer) is there all the same: only an
            // entry with nothing before it is passed over (eight concurrent writers had one passed over that was not).
            if (!EventDocuments.isPlaceholder(doc)) {
                asked.remove(doc.getString(EventDocuments.STREAM_KEY));
            }
        }
        return new HashSet<>(asked.values());
    }

    /**
     * Remembers that a read from {@code start} found only placeholders up to {@code passed} and nothing after them,
     * provided it left no new gap behind (a missing position may still be filled).
     */
    private void notePassedTail(GapAwareTrackingToken start, GapAwareTrackingToken passed) {
        if (passed.getIndex() > start.getIndex() && start.getGaps().containsAll(passed.getGaps())) {
            // A reader further behind may finish later: the run of placeholders reaching furthest is kept.
            PassedTail tail = new PassedTail(start.getIndex(), passed.getIndex());
            passedTail.accumulateAndGet(tail, (known, found) -> known == null || found.through() >= known.through()
                                                                ? found : known);
        }
    }

    /**
     * The position a tracker at {@code position} has in effect reached. A token moves only with an event it carries, so
     * a tracker that handled the last event stays there while placeholders (the positions of failed appends) follow
     * it. Once this engine has read past them with nothing after, such a tracker has nothing left to wait for before
     * the last of them, which is what a lag or a wait for the head should count from.
     */
    public long positionPassed(long position) {
        PassedTail tail = passedTail.get();
        return tail != null && position >= tail.from() && position < tail.through() ? tail.through() : position;
    }

    /**
     * When the window ends inside a commit whose seal lies beyond it, and events before that commit can be delivered
     * now, leaves the commit to the next batch, which reads its seal with the rest; saves a lookup of its own.
     */
    private void stopBeforeUnsealedTail(SortedSet<Long> positions, Map<Long, Document> docs, long windowEnd) {
        long tailFirst = Long.MAX_VALUE;
        for (long p : positions) {
            Document doc = docs.get(p);
            // The cheap tests first: most events are alone in their commit or sealed within the window.
            Number first = doc == null ? null : doc.get(EventDocuments.COMMIT_FIRST, Number.class);
            if (first != null && first.longValue() < tailFirst && sealPosition(doc) > windowEnd
                && EventDocuments.isReleasedEvent(doc) && unknownSeal(doc, docs)) {
                tailFirst = first.longValue();
            }
        }
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
        Set<Long> seals = new LinkedHashSet<>();
        for (long p : positions) {
            Document doc = docs.get(p);
            if (doc != null && doc.containsKey(EventDocuments.COMMIT_FIRST) && EventDocuments.isReleasedEvent(doc)
                && unknownSeal(doc, docs)) {
                seals.add(sealPosition(doc));
            }
        }
        docs.putAll(findByIds(seals));
        // Each commit once: looking at its whole extent for every one of its events would cost the square of its size.
        // Only the positions not holding a released event can be unseen, and there are usually none.
        Map<Long, Long> sealedExtents = new HashMap<>();
        List<Long> notReleased = new ArrayList<>();
        for (long p : positions) {
            Document doc = docs.get(p);
            if (!EventDocuments.isReleasedEvent(doc)) {
                notReleased.add(p);
                continue;
            }
            Number first = doc.get(EventDocuments.COMMIT_FIRST, Number.class);
            if (first != null && !sealedExtents.containsKey(first.longValue()) && committed(doc, docs)) {
                sealedExtents.put(first.longValue(), sealPosition(doc));
            }
        }
        if (notReleased.isEmpty() || sealedExtents.isEmpty()) {
            return;
        }
        TreeMap<Long, Long> extents = new TreeMap<>(sealedExtents);
        List<Long> unseen = new ArrayList<>();
        for (long p : notReleased) {
            Map.Entry<Long, Long> extent = extents.floorEntry(p);
            if (extent != null && p <= extent.getValue()) {
                unseen.add(p);
            }
        }
        docs.putAll(findByIds(unseen));
    }

    /** The last known head if it reaches {@code wanted}; otherwise the head read from the counter. */
    private long headAtLeast(long wanted) {
        long known = knownHead.get();
        return known >= wanted ? known : counterHead();
    }

    /**
     * Looks once more at the positions that were missing or pending in the first read. Documents are not read as one
     * snapshot, so a later event of an aggregate can be seen while an earlier one was not yet; but every event seen in
     * the first read was written after its predecessors, so a second look finds them. Without it, a processor could
     * receive sequence n+1 of a network before sequence n.
     */
    private void secondLook(SortedSet<Long> positions, Map<Long, Document> docs) {
        // Only below the last event seen: an aggregate's earlier events always lie at lower positions.
        long lastSeen = positions.stream().filter(p -> EventDocuments.isReleasedEvent(docs.get(p)))
                .mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        List<Long> unseen = positions.headSet(lastSeen).stream()
                .filter(p -> !EventDocuments.isReleasedEvent(docs.get(p))).toList();
        if (!unseen.isEmpty()) {
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

    /**
     * Whether the head recorded apart covers this event of a commit whose seal is not there: heads are recorded only
     * once a commit is written and released, so its commit completed, whatever its extent says. The extent is
     * bookkeeping, not hashed; one altered in the database must not make a completed commit read as unfinished (every
     * read of the network failed as broken, and after the gap time-out a reader turned the genuine event into a
     * placeholder). Asked only where an unsealed commit would be given up on; a covered one then counts as sealed.
     */
    private boolean coveredByRecordedHead(Document doc) {
        Number sequence = doc.get(EventDocuments.SEQUENCE, Number.class);
        String aggregateId = doc.getString(EventDocuments.AGGREGATE_ID);
        Number first = doc.get(EventDocuments.COMMIT_FIRST, Number.class);
        if (sequence == null || aggregateId == null || first == null || !EventDocuments.inItsStream(doc)
                || sequence.longValue() > storedHeadSequence(aggregateId)) {
            return false;
        }
        // The document as read may be older than the head: an event of a commit that failed, read before it became a
        // placeholder, and a later commit's event at its sequence number since recorded as the head. Only the event
        // that holds its stream key now is the log's (a reader delivered a failed commit's event once this way).
        Document now = events.find(Filters.eq(EventDocuments.STREAM_KEY, doc.getString(EventDocuments.STREAM_KEY))).first();
        if (now == null || !Objects.equals(now.get("_id"), doc.get("_id")) || !EventDocuments.isReleasedEvent(now)) {
            return false;
        }
        log.warn("The commit extent of the event at position {} ({}:{}) says its commit is not whole, but the recorded "
                 + "head covers it: read as committed", doc.get("_id"), aggregateId, sequence);
        sealedCommits.add(first.longValue());
        return true;
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
        if (EventDocuments.isReleasedEvent(docs.get(seal)) || coveredByRecordedHead(doc)) {
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

    /** When the document's position was allocated; one without the field (not written by this store) counts as old. */
    private static long allocatedAt(Document doc) {
        Number allocated = doc.get(EventDocuments.ALLOCATED_AT, Number.class);
        return allocated == null ? 0 : allocated.longValue();
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
     * Starts reading the positions {@code from}..{@code through} in the background, for a reader that is expected to
     * ask for them next: a reader catching up reads its next window while it sorts out the one it has. Only the
     * lookups run ahead; the reader still decides about every document it takes from them (a document read a moment
     * earlier is one that a slower reader would have seen), and a missing or pending one is looked at again as always.
     */
    private void readAhead(long from, long through) {
        if (through < from) {
            return;
        }
        if (readingAhead.size() >= READ_AHEAD_LIMIT) {
            // Readers that stopped, or went elsewhere, leave reads nobody takes: start afresh.
            List.copyOf(readingAhead.keySet()).forEach(key -> drop(readingAhead.remove(key)));
        }
        readingAhead.computeIfAbsent(from, first -> new ReadAhead(
                through, System.nanoTime(), submit(LongStream.rangeClosed(first, through).boxed().toList(), 0, windowChunk)));
    }

    /** Lets the lookups of a read ahead that nobody will take finish on their own (cancelling would interrupt them). */
    private static void drop(ReadAhead ahead) {
        if (ahead != null) {
            ahead.pages().forEach(page -> page.cancel(false));
        }
    }

    /**
     * The documents at {@code positions}, from what was read ahead for the window that starts after {@code token} (and
     * read now for the rest, or all of it when nothing was read ahead, or that read failed).
     */
    private Map<Long, Document> readAheadOr(GapAwareTrackingToken token, SortedSet<Long> positions) {
        ReadAhead ahead = token.getGaps().isEmpty() ? readingAhead.remove(token.getIndex() + 1) : null;
        if (ahead != null && System.nanoTime() - ahead.startedAt() > READ_AHEAD_MAX_AGE.toNanos()) {
            // Read while the reader's handlers took their time: fresher to read again.
            drop(ahead);
            ahead = null;
        }
        if (ahead == null) {
            return findByIds(positions, windowChunk);
        }
        Map<Long, Document> docs;
        try {
            docs = collect(List.of(), ahead.pages());
        } catch (RuntimeException failed) {
            if (Thread.currentThread().isInterrupted()) {
                throw failed;
            }
            log.debug("A read ahead from {} failed; reading again", token.getIndex() + 1, failed);
            return findByIds(positions, windowChunk);
        }
        if (ahead.through() > positions.last()) {
            docs.keySet().retainAll(positions);
        } else if (ahead.through() < positions.last()) {
            docs.putAll(findByIds(positions.tailSet(ahead.through() + 1), windowChunk));
        }
        return docs;
    }

    /**
     * Looks documents up by position in {@code $in} lists of {@link Builder#lookupChunk} ids, several in flight at
     * once: each list is a round trip.
     */
    private Map<Long, Document> findByIds(Collection<Long> ids) {
        return findByIds(ids, lookupChunk);
    }

    /** {@link #findByIds(Collection)} in lists of {@code chunkSize} ids. */
    private Map<Long, Document> findByIds(Collection<Long> ids, int chunkSize) {
        List<Long> all = new ArrayList<>(ids);
        List<Future<List<Document>>> others = submit(all, chunkSize, chunkSize);
        return collect(findChunk(all.subList(0, Math.min(all.size(), chunkSize))), others);
    }

    /** Submits the lookups of {@code ids} from index {@code from} on, a list of {@code chunkSize} ids each. */
    private List<Future<List<Document>>> submit(List<Long> ids, int from, int chunkSize) {
        List<Future<List<Document>>> pages = new ArrayList<>();
        for (int i = from; i < ids.size(); i += chunkSize) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + chunkSize));
            pages.add(lookups.submit(() -> findChunk(chunk)));
        }
        return pages;
    }

    /** The documents of {@code first} and of the lookups {@code others}, by position; cancels what is left on failure. */
    private static Map<Long, Document> collect(List<Document> first, List<Future<List<Document>>> others) {
        Map<Long, Document> found = new HashMap<>();
        try {
            List<List<Document>> pages = new ArrayList<>();
            pages.add(first);
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

    /**
     * The highest allocated global position (0 when nothing was ever appended). With positions taken in memory, the
     * counter may lag the last commits a little, so this also looks past it for events already written.
     */
    public long head() {
        long head = soleWriter ? lastFoundAfter(counterHead(), TAIL_PROBE) : counterHead();
        return knownHead.accumulateAndGet(head, Math::max);
    }

    /** The head as the counter has it, or as far as this engine knows it to reach. */
    private long counterHead() {
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
     * stopping at the first sequence number that is not (yet) committed — unless that sequence lies at or below the
     * aggregate's recorded head: then the stream has a hole, and this throws {@link BrokenStreamException} instead of
     * returning a silently shortened stream.
     */
    public List<Document> readStoredEvents(String aggregateIdentifier, long firstSequenceNumber, int limit) {
        List<Document> result = new ArrayList<>();
        long next = firstSequenceNumber;
        // No stream reaches the largest sequence number; reading up to it must not wrap around to negative ones (a
        // page asked from near Long.MAX_VALUE read sequence -2^63 and reported the log broken there).
        limit = (int) Math.max(0, Math.min(limit, Long.MAX_VALUE - Math.max(0, firstSequenceNumber)));
        while (result.size() < limit) {
            int size = Math.min(lookupChunk, limit - result.size());
            Map<Long, Document> bySequence = committedBySequence(aggregateIdentifier, next, size);
            for (long seq = next; seq < next + size; seq++) {
                Document doc = bySequence.get(seq);
                if (doc == null) {
                    doc = holeOrEnd(aggregateIdentifier, seq);
                }
                if (doc == null) {
                    return result;
                }
                result.add(doc);
            }
            next += size;
        }
        return result;
    }

    /** The committed event documents at sequences {@code from .. from+size-1}, by the sequence they are stored at. */
    private Map<Long, Document> committedBySequence(String aggregateIdentifier, long next, int size) {
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
        return bySequence;
    }

    /**
     * Where a read finds no committed event: the end of the stream (null), or, at or below the recorded head, a hole.
     * One more look first, because a read is not a snapshot and can miss an event that was written just before it.
     */
    private Document holeOrEnd(String aggregateIdentifier, long sequence) {
        long recorded = recordedHeadSequence(aggregateIdentifier);
        if (sequence > recorded) {
            return null;
        }
        Document committed = committedBySequence(aggregateIdentifier, sequence, 1).get(sequence);
        if (committed != null) {
            return committed;
        }
        Document doc = events.find(Filters.eq(EventDocuments.STREAM_KEY,
                                              EventDocuments.streamKey(aggregateIdentifier, sequence))).first();
        if (EventDocuments.isReleasedEvent(doc) && coveredByRecordedHead(doc)) {
            return doc;
        }
        String what = doc == null ? "missing"
                : EventDocuments.isPending(doc) || EventDocuments.isReleasedEvent(doc) ? "pending (an unsealed commit)"
                : EventDocuments.isPlaceholder(doc) ? "placeholder" : "stored under another sequence number";
        throw new BrokenStreamException(aggregateIdentifier, sequence, recorded, what);
    }

    /**
     * The committed events that commands with these ids caused, in any aggregate, by exact key on the unique command
     * id index: how a resend is recognised without keeping every command id in the aggregate.
     */
    public List<DomainEventMessage<?>> eventsByCommandId(Collection<String> commandIds) {
        List<DomainEventData<?>> found = new ArrayList<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(commandIds));
        for (int from = 0; from < all.size(); from += lookupChunk) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + lookupChunk));
            for (Document doc : events.find(Filters.in(EventDocuments.COMMAND_ID, chunk))) {
                if (EventDocuments.isReleasedEvent(doc)) {
                    found.add(domainEntry(doc));
                }
            }
        }
        return EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(
                found.stream(), getEventSerializer(), upcasterChain)).<DomainEventMessage<?>>map(e -> e).toList();
    }

    /**
     * The committed events, as stored, that commands with these ids caused (the first event of each), by exact key on
     * the unique command id index: where a command's entry landed, its global position and its place in the chain. A
     * command this engine has just appended is answered from what it stored, without reading it back.
     */
    public List<StoredEvent> storedByCommandId(Collection<String> commandIds) {
        List<StoredEvent> found = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String commandId : new LinkedHashSet<>(commandIds)) {
            StoredEvent appended = appendedByCommand.get(commandId);
            if (appended != null) {
                found.add(appended);
            } else {
                all.add(commandId);
            }
        }
        for (int from = 0; from < all.size(); from += lookupChunk) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + lookupChunk));
            for (Document doc : events.find(Filters.in(EventDocuments.COMMAND_ID, chunk))) {
                if (EventDocuments.isReleasedEvent(doc)) {
                    found.add(StoredEvent.from(doc));
                }
            }
        }
        return found;
    }

    /**
     * The aggregate's snapshot, if it is sealed as this store sealed it. A snapshot is the command side's decision state
     * (which partners are active, which names are taken), kept beside the log and not part of its chain: one altered in
     * the database would make the platform accept entries its rules forbid and refuse ones they allow, while the log
     * still verifies. So each is sealed with a secret kept outside the database, and one that does not carry its seal
     * is passed over: the aggregate is then loaded from its events, as without a snapshot, and snapshotted again.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document doc = snapshots.find(Filters.eq("_id", aggregateIdentifier)).first();
        if (doc == null) {
            return Stream.empty();
        }
        if (snapshotSecret != null && !java.security.MessageDigest.isEqual(
                snapshotSeal(doc).getBytes(StandardCharsets.UTF_8),
                String.valueOf(doc.getString(SNAPSHOT_SEAL)).getBytes(StandardCharsets.UTF_8))) {
            log.warn("The snapshot of {} does not carry its seal (altered, or written without this store's secret): "
                     + "passed over, the aggregate is loaded from its events", aggregateIdentifier);
            return Stream.empty();
        }
        return Stream.of(domainEntry(doc));
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        StoredEvent stored = serialize(snapshot, serializer);
        Document doc = EventDocuments.toDocument(stored, clock.millis(), false);
        doc.put("_id", snapshot.getAggregateIdentifier());
        doc.remove(EventDocuments.STREAM_KEY);
        if (snapshotSecret != null) {
            doc.put(SNAPSHOT_SEAL, snapshotSeal(doc));
        }
        snapshots.replaceOne(Filters.eq("_id", snapshot.getAggregateIdentifier()), doc, new ReplaceOptions().upsert(true));
    }

    private static final String SNAPSHOT_SEAL = "seal";

    /** HMAC-SHA256 over what a snapshot holds and whose it is, hexadecimal. */
    private String snapshotSeal(Document doc) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(snapshotSecret, "HmacSHA256"));
            for (String field : List.of(EventDocuments.AGGREGATE_TYPE, EventDocuments.AGGREGATE_ID,
                                        EventDocuments.SEQUENCE, EventDocuments.EVENT_ID, EventDocuments.TIMESTAMP,
                                        EventDocuments.PAYLOAD_TYPE, EventDocuments.PAYLOAD_REVISION,
                                        EventDocuments.PAYLOAD, EventDocuments.META_DATA)) {
                // each field with its length, so that no two different snapshots read as the same text
                String value = String.valueOf(doc.get(field));
                mac.update((field + ":" + value.length() + ":" + value + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(mac.doFinal());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
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

    /**
     * Verifies the log of one aggregate (a network) as it lies in the store, with the checks of the offline verifier
     * ({@code docs/verification.md}): the hash chain, every sequence number present once and committed, and the head
     * recorded apart from the events. Reports the first bad sequence and the kind of break, if any.
     */
    public ChainVerification verifyChain(String aggregateIdentifier) {
        return verifyChain(aggregateIdentifier, List.of());
    }

    /**
     * Verifies as {@link #verifyChain(String)} and also that the log extends each receipt or checkpoint: it holds the
     * event at the receipt's sequence with the receipt's hash. This is what catches a complete rewrite, head included.
     */
    public ChainVerification verifyChain(String aggregateIdentifier, Collection<Anchor> receipts) {
        return verifyChain(aggregateIdentifier, receipts, null);
    }

    /**
     * Verifies as {@link #verifyChain(String, Collection)}, that every receipt is signed with {@code publicKey}, and
     * that the log ends in a seal that verifies with it.
     */
    public ChainVerification verifyChain(String aggregateIdentifier, Collection<Anchor> receipts,
                                         java.security.PublicKey publicKey) {
        return verifyChain(aggregateIdentifier, receipts, publicKey, true);
    }

    /** As {@link #verifyChain(String, Collection, java.security.PublicKey)}; without {@code sealsRequired}, no seal. */
    public ChainVerification verifyChain(String aggregateIdentifier, Collection<Anchor> receipts,
                                         java.security.PublicKey publicKey, boolean sealsRequired) {
        LogVerifier verifier = new LogVerifier(aggregateIdentifier, publicKey, sealsRequired);
        Anchor head = scanLog(aggregateIdentifier, verifier::event);
        if (head != null) {
            verifier.anchor(head);
        }
        receipts.forEach(verifier::anchor);
        return ChainVerification.of(verifier.verdict(), head);
    }

    /**
     * Hands every document that stands at a sequence number of the aggregate to {@code sink}, in sequence order and
     * as stored (pending and placeholder flags included), and returns the head recorded apart from the events (null
     * when none is). Below the recorded head nothing is skipped: holes show as jumps in the sequence numbers. After
     * it, the scan stops where the committed events end (a commit in flight is not part of the log yet), unless
     * committed events follow a hole there too. A stretch of {@code lookupChunk} sequence numbers without any document
     * ends the scan, so a forged head far beyond the log cannot make it run on.
     */
    public Anchor scanLog(String aggregateIdentifier, Consumer<LogEvent> sink) {
        Anchor head = recordedHead(aggregateIdentifier);
        long recorded = head == null ? -1 : head.sequence();
        boolean any = false;
        for (long from = 0; ; from += lookupChunk) {
            List<String> keys = LongStream.range(from, from + lookupChunk)
                                          .mapToObj(seq -> EventDocuments.streamKey(aggregateIdentifier, seq)).toList();
            Map<String, Document> byKey = new HashMap<>();
            for (Document doc : events.find(Filters.in(EventDocuments.STREAM_KEY, keys))) {
                byKey.put(doc.getString(EventDocuments.STREAM_KEY), doc);
            }
            if (byKey.isEmpty()) {
                return finalHead(aggregateIdentifier, head, any);
            }
            long lastCommitted = -1;
            for (int i = 0; i < keys.size(); i++) {
                if (EventDocuments.isReleasedEvent(byKey.get(keys.get(i)))) {
                    lastCommitted = from + i;
                }
            }
            for (int i = 0; i < keys.size(); i++) {
                long seq = from + i;
                Document doc = byKey.get(keys.get(i));
                boolean committed = EventDocuments.isReleasedEvent(doc);
                if (seq > recorded && !committed && seq > lastCommitted) {
                    return finalHead(aggregateIdentifier, head, any);
                }
                if (doc != null) {
                    sink.accept(logEvent(doc));
                    any = true;
                }
            }
        }
    }

    /** A head missing before the scan but events found: the first append's head may have landed in between. */
    private Anchor finalHead(String aggregateIdentifier, Anchor headBefore, boolean eventsFound) {
        return headBefore == null && eventsFound ? recordedHead(aggregateIdentifier) : headBefore;
    }

    private static LogEvent logEvent(Document doc) {
        Number sequence = doc.get(EventDocuments.SEQUENCE, Number.class);
        return new LogEvent(doc.get("_id", Number.class).longValue(), doc.getString(EventDocuments.EVENT_ID),
                            doc.getString(EventDocuments.AGGREGATE_TYPE), doc.getString(EventDocuments.AGGREGATE_ID),
                            sequence == null ? -1 : sequence.longValue(), doc.getString(EventDocuments.TIMESTAMP),
                            doc.getString(EventDocuments.PAYLOAD_TYPE), doc.getString(EventDocuments.PAYLOAD_REVISION),
                            doc.getString(EventDocuments.PAYLOAD), doc.getString(EventDocuments.META_DATA),
                            doc.getString(EventDocuments.HASH), EventDocuments.isPending(doc),
                            EventDocuments.isPlaceholder(doc), doc.getString(EventDocuments.SEAL));
    }

    /** The stored fields of an event document as returned by {@link #readStoredEvents}. */
    public static StoredEvent toStoredEvent(Document doc) {
        return StoredEvent.from(doc);
    }

    /** Every committed event of one aggregate as stored, for export and offline verification. */
    public Stream<StoredEvent> storedEvents(String aggregateIdentifier) {
        return storedEvents(aggregateIdentifier, 0);
    }

    /** The aggregate's committed events from sequence {@code firstSequenceNumber} on, as {@link #storedEvents(String)}. */
    public Stream<StoredEvent> storedEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return Stream.iterate(firstSequenceNumber, seq -> seq + 1_000)
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
        private int windowChunk = 500;
        private int lookupConcurrency = 2;
        private AppendHook appendHook = AppendHook.NONE;
        private boolean soleWriter;
        private byte[] snapshotSecret;
        private CheckpointKey sealingKey;

        /**
         * The key appended events are sealed with (the last of each network in a commit, the first of each command):
         * its signature over the event's receipt (the log of its network ended at it, with its hash, when it was
         * recorded), stored beside the event and not hashed. Someone with the
         * database alone cannot seal, so an event put into the store by other means, or a log rewritten with its hashes
         * recomputed, no longer ends in a seal that verifies. Without a key, events are stored unsealed.
         */
        public Builder sealingKey(CheckpointKey key) {
            this.sealingKey = key;
            return this;
        }

        /**
         * The secret snapshots are sealed with (an HMAC over what they hold), kept outside the database; without one,
         * snapshots are written and read unsealed.
         */
        public Builder snapshotSecret(byte[] secret) {
            this.snapshotSecret = secret == null ? null : secret.clone();
            return this;
        }

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

        /** Ids or keys per {@code $in} list, except in a tracker's window ({@link #windowChunk}). */
        public Builder lookupChunk(int lookupChunk) {
            this.lookupChunk = lookupChunk;
            return this;
        }

        /**
         * Positions per {@code $in} list when a tracker reads its window: fewer, longer lists are fewer round trips (a
         * replay on the embedded store ran at 0.64 of a raw scan with lists of 100 and four in flight, 0.74 to 0.79 with
         * lists of 500 to 800 and two).
         */
        public Builder windowChunk(int windowChunk) {
            this.windowChunk = windowChunk;
            return this;
        }

        /** How many {@code $in} lists one read keeps in flight at once; a tracker's window is this many lists. */
        public Builder lookupConcurrency(int lookupConcurrency) {
            this.lookupConcurrency = lookupConcurrency;
            return this;
        }

        /**
         * Whether this engine is the only one that appends to its collections, as with the platform's embedded store:
         * positions are then taken in memory and the counter follows them (readers look a little past it). With
         * several writing processes (a MongoDB replica set) leave it off: every commit then takes its positions from
         * the counter. A second writer is caught either way (the unique {@code _id}), but only the counter keeps
         * positions in the order in which commits across processes began.
         */
        public Builder soleWriter(boolean soleWriter) {
            this.soleWriter = soleWriter;
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
