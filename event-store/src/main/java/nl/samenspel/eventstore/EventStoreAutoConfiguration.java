package nl.samenspel.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;

/**
 * Wires the MongoDB event storage engine and the MongoDB token store into Axon for both services. Runs before Axon's
 * own auto-configuration, so Axon builds its embedded event store on this engine.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class,
        before = {AxonAutoConfiguration.class, EventProcessingAutoConfiguration.class, JdbcAutoConfiguration.class,
                JpaEventStoreAutoConfiguration.class})
@EnableConfigurationProperties({EventStoreProperties.class, MongoProperties.class})
public class EventStoreAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EventStoreAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public MongoDatabase samenspelDatabase(MongoClient client, MongoProperties mongo) {
        return client.getDatabase(mongo.getMongoClientDatabase());
    }

    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public MongoEventStorageEngine eventStorageEngine(MongoDatabase database,
                                                      EventStoreProperties properties,
                                                      Serializer serializer,
                                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                                      CheckpointKey key) {
        return MongoEventStorageEngine.builder()
                                      .snapshotSecret(key.secret("samenspel snapshot seal"))
                                      // a key for this run only would leave every log unsealable after a restart
                                      .sealingKey(key.lasting() ? key : null)
                                      .database(database)
                                      .collectionPrefix(properties.collectionPrefix())
                                      .gapTimeout(properties.gapTimeout())
                                      .writeDeadline(properties.writeDeadline())
                                      .batchSize(properties.batchSize())
                                      .soleWriter(properties.soleWriter())
                                      .eventSerializer(eventSerializer)
                                      .snapshotSerializer(serializer)
                                      .build();
    }

    /**
     * The event store the processors read from. Appends made in another process (the command service) do not wake
     * its reader, so when it finds nothing new it looks again after {@code samenspel.event-store.fetch-delay}
     * (Axon's default of one second put up to a second between a 201 and the read models).
     */
    @Bean
    @ConditionalOnMissingBean(EventStore.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         EventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                                 .storageEngine(storageEngine)
                                 .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                 .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                                 .fetchDelay(properties.fetchDelay().toMillis())
                                 .build();
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    public EventStoreHealthIndicator eventStoreHealthIndicator(MongoEventStorageEngine engine) {
        return new EventStoreHealthIndicator(engine);
    }

    /** The processors' tokens, written without waiting for the journal and after the read models of their batch. */
    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(MongoDatabase database, Serializer serializer) {
        return TokensAfterReadModels.in(database, serializer);
    }

    /**
     * The key that signs checkpoints (query-service) and receipts (command-service); both services must find the same
     * one: {@code samenspel.checkpoints.private-key} and {@code .public-key} (base64, e.g.
     * {@code SAMENSPEL_CHECKPOINTS_PRIVATE_KEY} and {@code SAMENSPEL_CHECKPOINTS_PUBLIC_KEY} in production), else the
     * file {@code samenspel.checkpoints.key-file} (made on first start; the embedded default keeps it in its data
     * directory), else a key for this run only.
     */
    @Bean
    @ConditionalOnMissingBean
    public CheckpointKey checkpointKey(@Value("${samenspel.checkpoints.private-key:}") String privateKey,
                                       @Value("${samenspel.checkpoints.public-key:}") String publicKey,
                                       @Value("${samenspel.checkpoints.key-file:}") String keyFile) {
        if (!privateKey.isBlank() || !publicKey.isBlank()) {
            return CheckpointKey.of(privateKey, publicKey);
        }
        if (!keyFile.isBlank()) {
            return CheckpointKey.inFile(Path.of(keyFile));
        }
        log.warn("No checkpoint key is configured (samenspel.checkpoints.*): checkpoints and receipts are signed with a "
                         + "key for this run only, which another service does not share and which cannot be checked "
                         + "after a restart, and entries are not sealed");
        return CheckpointKey.ephemeral();
    }
}
