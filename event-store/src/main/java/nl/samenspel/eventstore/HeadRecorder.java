package nl.samenspel.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Records aggregate heads apart from the events, off the appending thread: an append hands its heads over and
 * returns, and {@value #RECORD_DELAY_MILLIS} ms after the first head handed over, whatever has gathered since is sent
 * as one unordered bulk of exact-key {@code $max} upserts. The head was already written without journaling and allowed
 * to lag (a head lost in a crash only lags, which verification tolerates), so this changes what a crash can lose only
 * by those milliseconds; it saves every command a round trip, and under load many commits share one. Waking a writer
 * thread for every append instead cost more than the round trip it saved. Within this process nothing reads a lagging
 * head: {@link #awaitRecorded(String)} writes or waits for the aggregate's head before it is read.
 */
final class HeadRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeadRecorder.class);
    /** How long heads gather before they are written together. */
    static final long RECORD_DELAY_MILLIS = 50;
    /** How long a reader waits for heads still being written before it reads what is there. */
    private static final Duration AWAIT_LIMIT = Duration.ofSeconds(10);

    private final MongoCollection<Document> heads;
    private final String headField;
    private final String recordedAtField;
    /** Moves the counter that follows the positions taken in memory on to a position; see {@link #record}. */
    private final LongConsumer counter;
    private final ScheduledThreadPoolExecutor writer;

    /** Aggregate id to the highest head handed over and not yet taken to be written; guarded by {@code this}. */
    private Map<String, Head> pending = new LinkedHashMap<>();
    /** The highest position handed over and not yet taken to be written (0: none); guarded by {@code this}. */
    private long pendingPosition;
    /** The batches being written; guarded by {@code this}. */
    private final Set<Map<String, Head>> inFlight = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Whether a write of the pending heads is scheduled; guarded by {@code this}. */
    private boolean scheduled;

    HeadRecorder(MongoCollection<Document> heads, String headField, String recordedAtField, LongConsumer counter) {
        this.heads = heads;
        this.headField = headField;
        this.recordedAtField = recordedAtField;
        this.counter = counter;
        this.writer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "event-heads");
            thread.setDaemon(true);
            return thread;
        });
        writer.setKeepAliveTime(30, TimeUnit.SECONDS);
        writer.allowCoreThreadTimeOut(true);
    }

    /** A head as recorded: its text orders as its sequence number does. */
    private record Head(String text, String recordedAt) {
        Head higher(Head other) {
            return text.compareTo(other.text) >= 0 ? this : other;
        }
    }

    /**
     * Hands over the new heads of one commit ({@code headText} per aggregate, ordered as text as by sequence) and, when
     * positions are taken in memory, the commit's last position ({@code 0} otherwise), to which the counter is moved
     * on ({@code $max}) with the heads.
     */
    void record(Map<String, String> headTexts, String recordedAt, long lastPosition) {
        synchronized (this) {
            headTexts.forEach((aggregate, text) -> pending.merge(aggregate, new Head(text, recordedAt), Head::higher));
            pendingPosition = Math.max(pendingPosition, lastPosition);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        try {
            writer.schedule(this::writePending, RECORD_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // An append that finished while the engine was closing: its heads are written here and now.
            writePending();
        }
    }

    /** Writes (or waits for) the head of {@code aggregateId} handed over before this call; returns when it is written or its write failed. */
    void awaitRecorded(String aggregateId) {
        Map<String, Head> batch = Map.of();
        synchronized (this) {
            if (pending.containsKey(aggregateId)) {
                batch = takePending();
            }
        }
        write(batch);
        awaitUntil(() -> inFlight.stream().noneMatch(b -> b.containsKey(aggregateId)));
    }

    private void writePending() {
        Map<String, Head> batch;
        long position;
        synchronized (this) {
            scheduled = false;
            batch = takePending();
            position = pendingPosition;
            pendingPosition = 0;
        }
        writeCounter(position);
        write(batch);
    }

    /** Takes the pending heads to be written, marked in flight until {@link #write} is done with them. */
    private Map<String, Head> takePending() {
        assert Thread.holdsLock(this);
        Map<String, Head> batch = pending;
        pending = new LinkedHashMap<>();
        if (!batch.isEmpty()) {
            inFlight.add(batch);
        }
        return batch;
    }

    private synchronized void awaitUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + AWAIT_LIMIT.toNanos();
        try {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("Recorded heads still being written after {}; reading what is there", AWAIT_LIMIT);
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Only a higher head replaces a recorded one ({@code $max} on the text), so batches that overlap or land after a
     * later one leave the highest; the write needs no filter beyond the key (which the embedded server would answer
     * with a scan). If it fails, the events stand and the heads lag until the aggregates' next appends.
     */
    private void write(Map<String, Head> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>(batch.size());
        batch.forEach((aggregate, head) -> updates.add(new UpdateOneModel<>(
                Filters.eq("_id", aggregate),
                Updates.combine(Updates.max(headField, head.text()), Updates.max(recordedAtField, head.recordedAt())),
                new UpdateOptions().upsert(true))));
        try {
            heads.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        } catch (RuntimeException e) {
            log.warn("Could not record the heads of {} aggregate(s), among them {}: {}", batch.size(),
                     batch.keySet().iterator().next(), e.toString());
        } finally {
            synchronized (this) {
                inFlight.remove(batch);
                notifyAll();
            }
        }
    }

    /**
     * Moves the counter on to {@code position} (readers look past the counter for the little it may lag, so this
     * only spares them from looking further). If it fails, the next write or the next start-up catches up.
     */
    private void writeCounter(long position) {
        if (position <= 0) {
            return;
        }
        try {
            counter.accept(position);
        } catch (RuntimeException e) {
            log.warn("Could not move the event counter on to {}: {}", position, e.toString());
        }
    }

    /** Writes every head handed over and waits for the writes in flight, then lets the writer thread go. */
    @Override
    public void close() {
        writer.shutdown();
        writePending();
        awaitUntil(inFlight::isEmpty);
    }
}
