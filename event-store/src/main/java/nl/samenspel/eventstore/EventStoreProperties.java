package nl.samenspel.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the MongoDB event store ({@code samenspel.event-store.*}).
 *
 * @param collectionPrefix prefix for the events, snapshots and counters collections
 * @param gapTimeout       how long a tracker waits for an allocated position before closing it
 * @param writeDeadline    how long after allocation a writer may still write; at most half the gap time-out
 * @param batchSize        events per read batch for trackers and aggregates
 * @param fetchDelay       how long a processor's reader waits before looking again when it found nothing new
 * @param soleWriter       whether this process is the only one that appends (the platform's embedded store): positions
 *                         are then taken in memory, not from the counter document; off by default, as several
 *                         command-service instances on one MongoDB need
 */
@ConfigurationProperties("samenspel.event-store")
public record EventStoreProperties(String collectionPrefix, Duration gapTimeout, Duration writeDeadline, Integer batchSize,
                                   Duration fetchDelay, Boolean soleWriter) {

    public EventStoreProperties {
        collectionPrefix = collectionPrefix == null ? "" : collectionPrefix;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        writeDeadline = writeDeadline == null ? Duration.ofSeconds(10) : writeDeadline;
        batchSize = batchSize == null ? 100 : batchSize;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(100) : fetchDelay;
        soleWriter = soleWriter != null && soleWriter;
    }
}
