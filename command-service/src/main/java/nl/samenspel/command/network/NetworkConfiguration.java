package nl.samenspel.command.network;

import com.github.benmanes.caffeine.cache.Caffeine;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How the Network aggregate is stored and kept: a bounded cache of loaded networks, a snapshot every 100 events that
 * holds the decision state only, command ids looked up in the event store, and the history read back on demand.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class NetworkConfiguration {

    /**
     * Loaded networks, most recently used kept. Correct with several command-service instances: a network that
     * another instance changed since it was cached fails its append on the stream's unique sequence key, or (for a
     * refusal) is found behind the store before refusing; either way the unit of work rolls back, which drops it from
     * the cache, and the command is decided again on the network as stored.
     */
    @Bean
    public Cache networkCache(@Value("${samenspel.commands.cached-networks:1000}") long cachedNetworks) {
        return new CaffeineCache(Caffeine.newBuilder().maximumSize(cachedNetworks).build());
    }

    /** A snapshot every 100 events keeps loading a network fast after a restart or a cache miss. */
    @Bean
    public SnapshotTriggerDefinition networkSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }

    @Bean
    public CommandLog commandLog(MongoEventStorageEngine engine) {
        return commandIds -> engine.eventsByCommandId(commandIds.stream().map(UUID::toString).toList());
    }

    @Bean
    public NetworkHistory networkHistory(EventStore eventStore) {
        return history(eventStore);
    }

    /** The history of a network as the event store holds it (the test fixtures read their own store this way). */
    public static NetworkHistory history(EventStore eventStore) {
        return (networkId, firstSequence) -> eventStore.readEvents(networkId.toString(), firstSequence).asStream();
    }

    /** Axon's snapshotter, except that a network's decision state is folded again first if a correction made it stale. */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore, TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory) {
        SpringAggregateSnapshotter.Builder builder = SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory);
        NetworkHistory history = history(eventStore);
        return new SpringAggregateSnapshotter(builder) {
            @Override
            protected DomainEventMessage createSnapshot(Class<?> aggregateType, String aggregateIdentifier,
                                                        DomainEventStream eventStream) {
                DomainEventMessage<?> snapshot = super.createSnapshot(aggregateType, aggregateIdentifier, eventStream);
                if (snapshot != null && snapshot.getPayload() instanceof Network network) {
                    network.settle(history);
                }
                return snapshot;
            }
        };
    }

    /** Axon's cache interface over a Caffeine cache, which bounds it by size with a near-LRU policy. */
    static final class CaffeineCache implements Cache {
        private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cache;

        CaffeineCache(com.github.benmanes.caffeine.cache.Cache<Object, Object> cache) {
            this.cache = cache;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> V get(K key) {
            return (V) cache.getIfPresent(key);
        }

        @Override
        public void put(Object key, Object value) {
            cache.put(key, value);
        }

        @Override
        public boolean putIfAbsent(Object key, Object value) {
            return cache.asMap().putIfAbsent(key, value) == null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
            return (T) cache.get(key, k -> valueSupplier.get());
        }

        @Override
        public boolean remove(Object key) {
            return cache.asMap().remove(key) != null;
        }

        @Override
        public void removeAll() {
            cache.invalidateAll();
        }

        @Override
        public boolean containsKey(Object key) {
            return cache.getIfPresent(key) != null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
            cache.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
        }

        /** Nothing listens to the aggregate cache; listeners are not supported rather than silently not called. */
        @Override
        public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
            throw new UnsupportedOperationException("The network cache does not notify listeners");
        }
    }
}
