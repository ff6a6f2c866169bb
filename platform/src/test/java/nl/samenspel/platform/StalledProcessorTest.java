package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.query.health.HealthProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A processor whose segment stops moving, while the processor runs and reports no error, makes the query-service
 * unready: a segment held by no instance, and a segment held here that stands still behind the head (a batch that
 * does not end). Both were reported UP before, so the networks of that segment silently stopped showing new entries.
 */
class StalledProcessorTest {
    private static TestPlatform tp;

    @BeforeAll
    static void start() {
        tp = new TestPlatform("--samenspel.processors.stall-after=1s");
    }

    @AfterAll
    static void stop() {
        tp.close();
    }

    private static StreamingEventProcessor health() {
        return tp.platform.queries().getBean(EventProcessingConfiguration.class)
                          .eventProcessor(HealthProjection.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
    }

    private static JsonNode readiness(int expectedStatus) {
        Api.Response ready = Api.get(tp.queryPort(), "/actuator/health/readiness", tp.admin);
        assertThat(ready.status()).as(ready.body()).isEqualTo(expectedStatus);
        return ready.json();
    }

    @Test
    void aSegmentHeldByNoInstanceIsReportedOnceItStaysUnheld() {
        tp.awaitProjections();
        StreamingEventProcessor health = health();
        int segment = health.processingStatus().keySet().iterator().next();
        health.releaseSegment(segment, 60, TimeUnit.SECONDS);
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode ready = readiness(503);
                assertThat(ready.at("/components/processors/status").asText()).isEqualTo("DOWN");
                JsonNode unheld = ready.at("/components/processors/details/processors/health/unheldSegments");
                assertThat(unheld.isArray()).as(ready.toString()).isTrue();
                assertThat(unheld.get(0).asInt()).isEqualTo(segment);
                assertThat(ready.at("/components/processors/details/processors/health/running").asBoolean()).isTrue();
            });
            assertThat(readiness(503).at("/components/processors/details/processors/network-views/unheldSegments")
                                     .isMissingNode()).isTrue();
        } finally {
            health.claimSegment(segment);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode ready = readiness(200);
            assertThat(ready.at("/components/processors/details/processors/health/unheldSegments").isMissingNode())
                    .isTrue();
        });
    }

    @Test
    void aSegmentStandingStillBehindTheLogIsReportedAndClearsWhenItMovesOn() throws Exception {
        tp.awaitProjections();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        // Holds the monitor the health of network A is computed under, as a batch that does not end would.
        Thread stall = new Thread(() -> {
            synchronized (HealthProjection.lockFor(UUID.fromString(tp.networkA))) {
                holding.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        stall.start();
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            Api.Response joined = Api.post(tp.commandPort(), "/api/networks/" + tp.networkA + "/partners", """
                    {"name":"Stilstand","partnerType":"school","participationLevel":"core","occurredOn":"2024-03-01"}""",
                                           tp.coordinator);
            assertThat(joined.status()).as(joined.body()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                JsonNode ready = readiness(503);
                JsonNode stalled = ready.at("/components/processors/details/processors/health/stalledSegments");
                assertThat(stalled.isArray()).as(ready.toString()).isTrue();
                assertThat(stalled.get(0).get("behind").asLong()).isPositive();
                assertThat(stalled.get(0).get("stillForSeconds").asLong()).isGreaterThanOrEqualTo(1);
                assertThat(ready.at("/components/processors/details/processors/health/error").isMissingNode()).isTrue();
            });
        } finally {
            letGo.countDown();
            stall.join();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode ready = readiness(200);
            assertThat(ready.at("/components/processors/details/processors/health/stalledSegments").isMissingNode())
                    .isTrue();
        });
    }
}
