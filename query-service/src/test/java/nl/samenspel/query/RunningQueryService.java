package nl.samenspel.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.kernel.network.NetworkEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The query service running over HTTP on an embedded store, and a writer that appends one network's log to that store
 * as the command service would: for tests of what the processors make of a log and what the endpoints answer.
 */
public final class RunningQueryService implements AutoCloseable {
    private final EmbeddedStore store = EmbeddedStore.inMemory();
    private final ConfigurableApplicationContext app;
    private final MongoClient writerClient;
    private final MongoEventStorageEngine writer;
    private final UUID network;
    private final List<String> eventIds = new ArrayList<>();

    /** Starts the service on a fresh store, in {@code database}; the writer appends to {@code network}'s log. */
    public RunningQueryService(String database, UUID network) {
        this(database, network, null);
    }

    /** As {@link #RunningQueryService(String, UUID)}, with {@code listener} told every command the service sends. */
    public RunningQueryService(String database, UUID network, CommandListener listener) {
        this(database, network, listener, Map.of());
    }

    /** As {@link #RunningQueryService(String, UUID, CommandListener)}, with {@code beans} added to the service. */
    public RunningQueryService(String database, UUID network, CommandListener listener, Map<String, Object> beans) {
        this(database, network, listener, beans, List.of());
    }

    /** As {@link #RunningQueryService(String, UUID, CommandListener, Map)}, with {@code options} ({@code --name=value}). */
    public RunningQueryService(String database, UUID network, CommandListener listener, Map<String, Object> beans,
                               List<String> options) {
        this.network = network;
        List<String> args = new ArrayList<>(List.of("--spring.data.mongodb.uri=" + store.uri(database), "--server.port=0",
                                                    "--samenspel.security.token-secret=" + "s".repeat(48)));
        args.addAll(options);
        MongoClientSettingsBuilderCustomizer listening = settings -> {
            if (listener != null) {
                settings.addCommandListener(listener);
            }
        };
        this.app = QueryServiceApplication.application().registerShutdownHook(false)
                                          .initializers(context -> {
                                              context.getBeanFactory().registerSingleton("listening", listening);
                                              beans.forEach((name, bean) -> register((GenericApplicationContext) context,
                                                                                     name, bean));
                                          })
                                          .run(args.toArray(String[]::new));
        this.writerClient = MongoClients.create(store.uri(database));
        Serializer serializer = app.getBean("eventSerializer", Serializer.class);
        this.writer = MongoEventStorageEngine.builder().database(writerClient.getDatabase(database))
                                             .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    /** Registers {@code bean} with a definition of its own, so that Axon finds its handlers as those of the service. */
    @SuppressWarnings("unchecked")
    private static <T> void register(GenericApplicationContext context, String name, T bean) {
        context.registerBean(name, (Class<T>) bean.getClass(), () -> bean);
    }

    public ConfigurableApplicationContext app() {
        return app;
    }

    public MongoEventStorageEngine writer() {
        return writer;
    }

    /** The ids of the events appended so far, by sequence number. */
    public List<String> eventIds() {
        return eventIds;
    }

    /** Appends the next entry of the network's log; answers its sequence number. */
    public long append(NetworkEvent event) {
        GenericDomainEventMessage<NetworkEvent> message =
                new GenericDomainEventMessage<>("Network", network.toString(), eventIds.size(), event);
        writer.appendEvents(List.of(message));
        eventIds.add(message.getIdentifier());
        return message.getSequenceNumber();
    }

    @Override
    public void close() {
        app.close();
        writerClient.close();
        store.close();
    }
}
