package nl.samenspel.eventstore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes the H2 backend answer a write only once it is on disk: every command that may change the store is followed
 * by a commit and an fsync of the MVStore before its reply leaves, and concurrent writers share one commit and one
 * fsync (group commit).
 *
 * <p>How: commands that may write run under a shared lock; one committer thread takes the lock exclusively just for
 * {@link MVStore#commit()} (so a commit never captures half of a command: a unique-index entry without its
 * document, say), then calls {@link MVStore#sync()} outside the lock while the next commands run. A reply that must
 * wait is not waited for on the Netty event loop: the reply is held back in the channel's pipeline until its commit
 * completes, so the event loop keeps serving the other connections. If a commit or sync fails, the connection is
 * closed instead of answered, so the client never takes a write for durable that is not.
 *
 * <p>A write that says it need not be journaled ({@code writeConcern: {j: false}}, as MongoDB itself reads it) is
 * answered at once; its change is committed and synced with the next group, or on its own within
 * {@value #LATER_COMMIT_MILLIS} ms when no journaled write comes (starting a sync at once would make the journaled
 * write that usually follows wait for two). The event store sends
 * its position counter and its recorded heads that way: the counter is always made durable by the events written
 * after it, and a head that is lost in a crash only lags (see {@code MongoEventStorageEngine}).
 *
 * <p>The store must be opened with auto-commit disabled (no background commits, none triggered by unsaved memory),
 * or commits would again happen at arbitrary moments. That also stops H2's own background housekeeping, so the
 * committer does it: {@value #MAINTENANCE_INTERVAL_MILLIS} ms after a commit, or after
 * {@value #MAINTENANCE_EVERY_COMMITS} commits if sooner, it has H2 rewrite the live pages of the emptiest chunks, which
 * the next commit writes anew, when too little of the written chunks is still live. A chunk is freed only when nothing
 * in it is live; without this, a commit that rewrote a large document (a network's health month) and added one that
 * stays (a new event or page of facts) left most of the large document in the file for good. Like H2's own
 * housekeeping it asks less while writers are busy (below {@value #BUSY_FILL_RATE}% live, at most
 * {@value #BUSY_REWRITE_LIMIT_BYTES} bytes at a time: reading pages back to rewrite them took a tenth of the platform's
 * CPU under load) than when they have stopped (below {@value #IDLE_FILL_RATE}%, {@value #IDLE_REWRITE_LIMIT_BYTES}
 * bytes).
 */
final class GroupCommitBackend implements MongoBackend {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitBackend.class);

    /** Commands that never change the store; every other command is treated as a write (unknown ones included). */
    private static final Set<String> READ_ONLY = Set.of(
            "find", "getmore", "count", "distinct", "listcollections", "listindexes", "listdatabases", "killcursors",
            "hello", "ismaster", "ping", "buildinfo", "serverstatus", "dbstats", "collstats", "whatsmyuri",
            "connectionstatus", "hostinfo", "getcmdlineopts", "getparameter", "getfreemonitoringstatus",
            "getlasterror", "getlog", "replsetgetstatus", "endsessions", "currentop", "explain", "saslstart",
            "saslcontinue");

    /** How long a change written without journaling may wait for a journaled write to take it to disk. */
    static final long LATER_COMMIT_MILLIS = 100;

    /** How long after a commit the committer looks whether chunks should be rewritten... */
    static final long MAINTENANCE_INTERVAL_MILLIS = 100;
    /**
     * ...or after this many commits, whichever comes first: the space to reclaim grows with the commits, not with the
     * time, and on a fast disk a hundred milliseconds held a hundred commits, more than one look could keep up with.
     */
    static final int MAINTENANCE_EVERY_COMMITS = 8;
    /** Below this share of live data in the written chunks, the emptiest chunks are rewritten while writers are busy. */
    static final int BUSY_FILL_RATE = 50;
    /** At most this much live data is rewritten at a time while writers are busy. */
    static final int BUSY_REWRITE_LIMIT_BYTES = 512 << 10;
    /** Below this share of live data, the emptiest chunks are rewritten once the writes have stopped. */
    static final int IDLE_FILL_RATE = 80;
    /** At most this much live data is rewritten at a time once the writes have stopped. */
    static final int IDLE_REWRITE_LIMIT_BYTES = 2 << 20;

    private static final AttributeKey<CompletableFuture<Void>> REPLY_AFTER =
            AttributeKey.valueOf(GroupCommitBackend.class, "replyAfter");

    private final H2Backend delegate;
    private final MVStore store;
    private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock();
    private final Committer committer;
    /** Told once when a failure has left H2's store closed: from then on no write can succeed. */
    private volatile Consumer<Throwable> whenClosedByFailure = failure -> { };
    private final AtomicBoolean closedByFailureTold = new AtomicBoolean();
    private volatile boolean closing;

    /** Commits for {@code delegate}, which must be open on an MVStore with auto-commit disabled. */
    GroupCommitBackend(H2Backend delegate) {
        this.store = delegate.getMvStore();
        this.delegate = delegate;
        this.committer = new Committer();
        committer.start();
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document command = message.getDocument();
        String name = command.keySet().iterator().next();
        return durably(message.getChannel(), mayWrite(name, command), journaled(command),
                       () -> delegate.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return durably(channel, mayWrite(command, query), journaled(query),
                       () -> delegate.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return delegate.handleQuery(query);
    }

    /**
     * Runs a command and, when it may have written, arranges for its reply to leave only after a commit and sync that
     * began after it; a write that need not be journaled only starts that commit.
     */
    private <T> T durably(Channel channel, boolean mayWrite, boolean journaled, Supplier<T> command) {
        if (!mayWrite) {
            return command.get();
        }
        CompletableFuture<Void> durable = null;
        commitLock.readLock().lock();
        try {
            return command.get();
        } catch (RuntimeException e) {
            tellIfClosedByFailure(e);
            throw e;
        } finally {
            try {
                // Still under the shared lock, so no commit can run between the command and this check. Any unsaved
                // change (this command's, or another's it may have acted on, as a duplicate key) must be committed
                // first; with none, the only thing to wait for is a commit already written but not yet synced.
                if (!journaled) {
                    committer.later();
                } else {
                    durable = store.hasUnsavedChanges() ? committer.next() : committer.inFlight();
                }
            } finally {
                commitLock.readLock().unlock();
            }
            holdReply(channel, durable);
        }
    }

    private static void holdReply(Channel channel, CompletableFuture<Void> durable) {
        if (durable == null || durable.isDone() && !durable.isCompletedExceptionally()) {
            return;
        }
        if (channel == null || !channel.eventLoop().inEventLoop()) {
            durable.join(); // not called from a connection (in-process use): wait here
            return;
        }
        if (channel.pipeline().get(DurableReplies.class) == null) {
            channel.pipeline().addFirst(new DurableReplies());
        }
        channel.attr(REPLY_AFTER).set(durable);
    }

    /** False only when the command's write concern says {@code j: false}; every other write is synced first. */
    private static boolean journaled(Document body) {
        return !(body.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j")));
    }

    private static boolean mayWrite(String command, Document body) {
        String name = command.toLowerCase(Locale.ROOT);
        if (!READ_ONLY.contains(name) && !name.equals("aggregate")) {
            return true;
        }
        if (name.equals("aggregate") && body.get("pipeline") instanceof List<?> pipeline) {
            return pipeline.stream().anyMatch(stage -> stage instanceof Document d
                                                       && (d.containsKey("$out") || d.containsKey("$merge")));
        }
        return false;
    }

    @Override
    public void close() {
        closing = true;
        committer.shutdown();
        try {
            committer.join(10_000); // a rewrite of chunks in progress ends before the store closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delegate.close(); // closing the MVStore commits and syncs whatever is left
    }

    /**
     * {@code handler} is told, once, when a failure leaves the store closed (H2 closes its store on an internal error):
     * every later write would fail, while nothing acknowledged is lost, so the process had better stop and start
     * again on the same data than go on refusing every write.
     */
    void whenClosedByFailure(Consumer<Throwable> handler) {
        this.whenClosedByFailure = handler;
    }

    private void tellIfClosedByFailure(Throwable failure) {
        if (!closing && store.isClosed() && closedByFailureTold.compareAndSet(false, true)) {
            log.error("The embedded store was closed by a failure: no write can succeed until it is opened again "
                              + "(nothing acknowledged is lost)", failure);
            whenClosedByFailure.accept(failure);
        }
    }

    @Override
    public void handleClose(Channel channel) {
        delegate.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        durably(null, true, true, () -> {
            delegate.dropDatabase(database);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }

    /**
     * The one thread that commits and syncs. Writers that arrive while a sync runs all join the next batch, which is
     * committed and synced once for all of them.
     */
    private final class Committer extends Thread {
        private CompletableFuture<Void> next;
        private CompletableFuture<Void> inFlight;
        private boolean stopping;
        /** When a change written without journaling must be committed at the latest; 0 when none waits. */
        private long laterDeadline;
        /** When the chunks are to be looked at next (epoch millis); 0 when no commit happened since the last look. */
        private long maintenanceAt;
        /** Commits since the last look: more than the one a look asks for means writers are busy. */
        private int commitsSinceLook;

        Committer() {
            super("samenspel-group-commit");
            setDaemon(true);
        }

        /** The batch that the next commit will close; it begins only after the caller releases its shared lock. */
        synchronized CompletableFuture<Void> next() {
            if (next == null) {
                next = new CompletableFuture<>();
                notifyAll();
            }
            return next;
        }

        /** Asks for a commit within {@value #LATER_COMMIT_MILLIS} ms, unless one is asked for sooner. */
        synchronized void later() {
            if (laterDeadline == 0) {
                laterDeadline = System.currentTimeMillis() + LATER_COMMIT_MILLIS;
                notifyAll();
            }
        }

        /** The batch committed but possibly not yet synced, if any. */
        synchronized CompletableFuture<Void> inFlight() {
            return inFlight;
        }

        synchronized void shutdown() {
            stopping = true;
            notifyAll();
            while (isAlive() && (next != null || inFlight != null)) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void run() {
            while (true) {
                CompletableFuture<Void> batch = null;
                synchronized (this) {
                    while (next == null && !stopping) {
                        long now = System.currentTimeMillis();
                        if (laterDeadline != 0 && laterDeadline <= now) {
                            next = new CompletableFuture<>();
                            break;
                        }
                        if (maintenanceAt != 0 && maintenanceAt <= now) {
                            break;
                        }
                        long wake = Math.min(laterDeadline == 0 ? Long.MAX_VALUE : laterDeadline,
                                             maintenanceAt == 0 ? Long.MAX_VALUE : maintenanceAt);
                        try {
                            wait(wake == Long.MAX_VALUE ? 0 : wake - now);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (next == null && stopping) {
                        notifyAll();
                        return;
                    }
                    if (next != null) {
                        batch = next;
                        next = null;
                        laterDeadline = 0;
                    }
                }
                if (batch != null) {
                    commitAndSync(batch);
                }
                maintainIfDue();
            }
        }

        private void commitAndSync(CompletableFuture<Void> batch) {
            try {
                commitLock.writeLock().lock();
                try {
                    store.commit();
                    synchronized (this) {
                        inFlight = batch;
                    }
                } finally {
                    commitLock.writeLock().unlock();
                }
                store.sync();
                batch.complete(null);
            } catch (RuntimeException | Error e) {
                log.error("Could not commit the store to disk; the waiting writes are not acknowledged", e);
                batch.completeExceptionally(e);
                tellIfClosedByFailure(e);
            } finally {
                synchronized (this) {
                    inFlight = null;
                    commitsSinceLook++;
                    long now = System.currentTimeMillis();
                    if (commitsSinceLook >= MAINTENANCE_EVERY_COMMITS) {
                        maintenanceAt = now;
                    } else if (maintenanceAt == 0) {
                        maintenanceAt = now + MAINTENANCE_INTERVAL_MILLIS;
                    }
                    notifyAll();
                }
            }
        }

        /**
         * Rewrites the live pages of mostly dead chunks, when a look is due. The rewritten pages are written by a
         * commit asked for here, after which the old chunks are free, and the next commit schedules the next look; so
         * the store keeps compacting after the writes stop, until the chunks are full enough. A failure is logged and
         * left for the next look: nothing acknowledged depends on it.
         */
        private void maintainIfDue() {
            boolean busy;
            synchronized (this) {
                if (stopping || maintenanceAt == 0 || maintenanceAt > System.currentTimeMillis()) {
                    return;
                }
                maintenanceAt = 0;
                busy = commitsSinceLook > 1;
                commitsSinceLook = 0;
            }
            try {
                if (busy ? store.compact(BUSY_FILL_RATE, BUSY_REWRITE_LIMIT_BYTES)
                         : store.compact(IDLE_FILL_RATE, IDLE_REWRITE_LIMIT_BYTES)) {
                    later();
                }
            } catch (RuntimeException e) {
                log.warn("Could not rewrite the store's emptiest chunks; trying again at the next commit", e);
                tellIfClosedByFailure(e);
            }
        }
    }

    /**
     * Holds a connection's replies back until the commit they wait for is on disk, in order, without blocking the
     * event loop; a failed commit closes the connection instead.
     */
    private static final class DurableReplies extends ChannelOutboundHandlerAdapter {
        private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            CompletableFuture<Void> durable = ctx.channel().attr(REPLY_AFTER).getAndSet(null);
            if (durable == null && previous.isDone()) {
                ctx.write(msg, promise);
                return;
            }
            CompletableFuture<?> ready = durable == null ? previous : CompletableFuture.allOf(previous, durable);
            CompletableFuture<Void> sent = new CompletableFuture<>();
            previous = sent;
            ready.whenComplete((ok, failure) -> ctx.executor().execute(() -> {
                if (failure == null) {
                    ctx.writeAndFlush(msg, promise);
                    sent.complete(null);
                } else {
                    ReferenceCountUtil.release(msg);
                    promise.tryFailure(failure);
                    ctx.close();
                    sent.completeExceptionally(failure);
                }
            }));
        }
    }
}
