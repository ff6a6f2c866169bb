package nl.samenspel.query.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Brings stored health up to today in the background, so that a read never computes. Health depends on the date as
 * well as on the log (the current month is provisional, windows slide, a new month begins), and the processor only
 * recomputes a network when it logs something. So shortly after midnight (in the zone of the clock), at start, and
 * every {@code samenspel.health.refresh-every} (1 minute by default) this job looks for stored health evaluated before
 * today and recomputes it, for the networks this instance computes ({@link HealthSegments}). Until it has, a read
 * answers the health as last evaluated, at most one period old after midnight (its last month's {@code asOf} says so).
 */
@Component
class HealthRefresher implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(HealthRefresher.class);
    /** After midnight, so that a clock a little behind still sees the new day. */
    private static final Duration AFTER_MIDNIGHT = Duration.ofSeconds(30);

    private final HealthProjection projection;
    private final HealthStore store;
    private final Predicate<UUID> computedHere;
    private final Clock clock;
    private final Duration every;
    private ScheduledExecutorService executor;

    @Autowired
    HealthRefresher(HealthProjection projection, HealthStore store, HealthSegments computedHere, Clock clock,
                    @Value("${samenspel.health.refresh-every:1m}") Duration every) {
        this(projection, store, (Predicate<UUID>) computedHere, clock, every);
    }

    HealthRefresher(HealthProjection projection, HealthStore store, Predicate<UUID> computedHere, Clock clock,
                    Duration every) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("samenspel.health.refresh-every must be positive, not " + every);
        }
        this.projection = projection;
        this.store = store;
        this.computedHere = computedHere;
        this.clock = clock;
        this.every = every;
    }

    /**
     * Drops this instance's copies of networks it no longer computes, and recomputes the health evaluated before today
     * of those it does; answers how many networks it brought up to today.
     */
    int refreshAll() {
        LocalDate today = LocalDate.now(clock);
        projection.forgetUnless(computedHere);
        int refreshed = 0;
        for (UUID networkId : store.evaluatedBefore(today).keySet()) {
            if (computedHere.test(networkId) && projection.refresh(networkId, today)) {
                refreshed++;
            }
        }
        if (refreshed > 0) {
            log.info("Brought the health of {} network(s) up to {}", refreshed, today);
        }
        return refreshed;
    }

    private void run() {
        try {
            refreshAll();
        } catch (RuntimeException e) {
            // The next run tries again; meanwhile reads answer the health as last evaluated.
            log.warn("Bringing health up to today failed: {}", e.toString());
        }
    }

    private synchronized void runAfterMidnight() {
        if (executor == null) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = now.toLocalDate().plusDays(1).atStartOfDay(now.getZone()).plus(AFTER_MIDNIGHT);
        executor.schedule(() -> {
            run();
            runAfterMidnight();
        }, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "health-refresh");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::run, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        runAfterMidnight();
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
