package nl.samenspel.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One embedded MongoDB wire server (memory backend, real TCP), the storage engine on it, and an Axon configuration
 * with a pooled streaming processor feeding a {@link Collector}. Tests move the engine's clock instead of sleeping.
 */
public class StoreFixture implements AutoCloseable {
    public static final Duration GAP_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration WRITE_DEADLINE = Duration.ofSeconds(5);

    public final EmbeddedStore store = EmbeddedStore.inMemory();
    public final MongoClient client = MongoClients.create(store.uri("test"));
    public final MongoDatabase database = client.getDatabase("test");
    public final MutableClock clock = new MutableClock();
    public final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    public final Collector collector = new Collector();
    public volatile AppendHook hook = AppendHook.NONE;
    public final MongoEventStorageEngine engine;
    /** The engine the processor reads through: {@link #engine}, or one of its own, as in another process. */
    private final MongoEventStorageEngine readerEngine;
    private Configuration configuration;

    public StoreFixture() {
        this(builder -> {
        });
    }

    public StoreFixture(Consumer<MongoEventStorageEngine.Builder> customizer) {
        this(customizer, false);
    }

    /**
     * With {@code separateReader}, the processor reads through an engine of its own, configured alike, that knows
     * nothing of the appends but what the store tells it (as the query side in another process or context).
     */
    public StoreFixture(Consumer<MongoEventStorageEngine.Builder> customizer, boolean separateReader) {
        engine = engine(customizer, true);
        readerEngine = separateReader ? engine(customizer, false) : engine;
    }

    private MongoEventStorageEngine engine(Consumer<MongoEventStorageEngine.Builder> customizer, boolean hooked) {
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder()
                .database(database)
                .clock(clock)
                .gapTimeout(GAP_TIMEOUT)
                .writeDeadline(WRITE_DEADLINE)
                .appendHook(hooked ? (first, count) -> hook.afterAllocation(first, count) : AppendHook.NONE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer);
        customizer.accept(builder);
        return builder.build();
    }

    /** Starts Axon with the collector in a pooled streaming processor of four segments. */
    public StoreFixture startProcessor() {
        return startProcessor(collector);
    }

    /** Starts Axon with {@code handler}, of the collector's processing group, in a pooled streaming processor of four segments. */
    public StoreFixture startProcessor(Object handler) {
        TokenStore tokenStore = TokensAfterReadModels.in(database, serializer);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(readerEngine).fetchDelay(20).build())
                .registerComponent(TokenStore.class, c -> tokenStore);
        configurer.eventProcessing(ep -> ep
                .registerPooledStreamingEventProcessor(Collector.PROCESSOR, Configuration::eventStore,
                                                       (c, b) -> b.initialSegmentCount(4).batchSize(50)
                                                                  .tokenClaimInterval(100))
                .registerEventHandler(c -> handler));
        configuration = configurer.start();
        return this;
    }

    public StreamingEventProcessor processor() {
        return configuration.eventProcessingConfiguration()
                            .eventProcessor(Collector.PROCESSOR, StreamingEventProcessor.class)
                            .orElseThrow();
    }

    /** The gaps every segment of the processor still waits for. */
    public List<Long> gapsInProcessorTokens() {
        return processor().processingStatus().values().stream()
                          .map(status -> unwrap(status.getTrackingToken()))
                          .filter(GapAwareTrackingToken.class::isInstance)
                          .flatMap(t -> ((GapAwareTrackingToken) t).getGaps().stream())
                          .distinct().sorted().toList();
    }

    private static TrackingToken unwrap(TrackingToken token) {
        return token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
    }

    public static DomainEventMessage<TestEvent> event(String aggregateId, long sequence, int writer) {
        return new GenericDomainEventMessage<>("Test", aggregateId, sequence, new TestEvent(aggregateId, sequence, writer));
    }

    /** Takes one position from the counter and writes nothing there, as a writer that dies after allocating. */
    public long allocateLikeAWriterThatDies() {
        Document before = counters().findOneAndUpdate(Filters.eq("_id", "events"), Updates.inc("next", 1L),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return before.getLong("next") + 1;
    }

    /**
     * Appends {@code event} on a thread of its own that, once it has taken its position, waits for {@code release}
     * before it writes, as a slow writer; returns that thread once the position is taken.
     */
    public Thread appendHeldBack(DomainEventMessage<?> event, CountDownLatch release) {
        String name = "held-back-writer";
        CountDownLatch tookItsPosition = new CountDownLatch(1);
        hook = (first, count) -> {
            if (Thread.currentThread().getName().equals(name)) {
                tookItsPosition.countDown();
                awaitLatch(release);
            }
        };
        Thread writer = new Thread(() -> engine.appendEvents(event), name);
        writer.start();
        awaitLatch(tookItsPosition);
        return writer;
    }

    public static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public MongoCollection<Document> events() {
        return database.getCollection("events");
    }

    public MongoCollection<Document> counters() {
        return database.getCollection("counters");
    }

    @Override
    public void close() {
        if (configuration != null) {
            configuration.shutdown();
        }
        engine.close();
        if (readerEngine != engine) {
            readerEngine.close();
        }
        client.close();
        store.close();
    }
}
