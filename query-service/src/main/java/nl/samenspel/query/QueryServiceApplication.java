package nl.samenspel.query;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoDatabaseFactorySupport;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/** The query side: folds the event stream into read models and answers questions about networks. */
@SpringBootApplication
public class QueryServiceApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, so it can share a JVM with the command-service. */
    public static SpringApplicationBuilder application() {
        System.setProperty("disable-axoniq-console-message", "true");
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=query-service");
    }

    /**
     * A handler that fails on an event fails its batch: the processor handles the batch again from its token (the
     * segment shows the error in the readiness check meanwhile) instead of Axon's default, which logs the failure and
     * goes on, so that a read model lacked that entry for good after a store that did not answer in time.
     */
    @Bean
    public ConfigurerModule failedHandlingStopsTheBatch() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    /**
     * The read models take in an entry only as part of the log of the network it names: an event of one network's
     * stream whose payload names another network (a document put into the store by hand under a made-up stream) was
     * taken into the named network's views, which its verified log never holds, and made them pass over the genuine
     * entries logged after it.
     */
    @Bean
    public ConfigurerModule onlyEntriesOfTheirOwnLog() {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QueryServiceApplication.class);
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                (config, processorName) -> (unitOfWork, chain) -> {
                    org.axonframework.messaging.Message<?> message = unitOfWork.getMessage();
                    if (message instanceof org.axonframework.eventhandling.DomainEventMessage<?> event
                            && event.getPayload() instanceof nl.samenspel.kernel.network.NetworkEvent entry
                            && !entry.networkId().toString().equals(event.getAggregateIdentifier())) {
                        log.warn("The event {} of the log of {} names network {}: it is no entry of that network's "
                                 + "log and is passed over by {}", event.getIdentifier(), event.getAggregateIdentifier(),
                                 entry.networkId(), processorName);
                        return null;
                    }
                    return chain.proceed();
                }));
    }

    /**
     * No correlation data: the query side sends no messages while it handles events. Axon's default provider took the
     * ids of every event's metadata for the result of handling it, and so read (deserialised) the metadata of every
     * event, which none of the projections uses: 7% of the health processor's samples in a profiled replay.
     */
    @Bean
    public CorrelationDataProvider noCorrelationData() {
        return message -> Map.of();
    }

    /**
     * "Today" for the views, in the zone {@code samenspel.zone} (Europe/Amsterdam unless set), as the commands and the
     * pages reckon it: months and windows end at that date, overdue is judged against it.
     */
    @Bean
    public Clock clock(@Value("${samenspel.zone:Europe/Amsterdam}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    /**
     * The read models (the {@code MongoTemplate}'s writes) are written without waiting for the journal: they are
     * derived from the log, and the processor's token, written after them, is unjournaled too (see
     * {@code EventStoreAutoConfiguration#tokenStore}). The store makes writes durable in the order they were made (the
     * embedded store commits them with the next journaled write, or within 100 ms; MongoDB's journal is written in
     * order), so after a crash a token never stands ahead of the read models it covers: the processors handle again
     * what they had handled since, as after any restart. What is written for people (the users, the access log, the
     * signed checkpoints) goes through the service's {@code MongoDatabase} and stays journaled. On the embedded store,
     * each journaled read-model write cost a commit and a sync of its own, beside the commands' commits.
     */
    @Bean
    public static BeanPostProcessor unjournaledReadModels() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof MongoDatabaseFactorySupport<?> factory) {
                    factory.setWriteConcern(factory.getMongoDatabase().getWriteConcern().withJournal(false));
                }
                return bean;
            }
        };
    }
}
