package nl.samenspel.query.reads;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.support.security.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Read-your-writes for answers built from read models ({@link ReadFrom}). Every such answer carries
 * {@code Samenspel-Position}: the global position its read models include (every entry at or below it is in the
 * answer). A command's answer names the position it was written at; a client that sends it back as {@code ?waitFor=}
 * (or the header {@code Samenspel-Wait-For}) gets an answer only once the read models include it. The wait is bounded
 * ({@code samenspel.queries.wait-for-timeout}, 5 s); when it runs out the answer is 503, problem+json, with
 * {@code Retry-After} and the position included so far, and nothing stale is passed off as current. At most
 * {@code samenspel.queries.max-waiting} requests wait at once; more are answered 503 at once, so waiting cannot take
 * every worker thread.
 */
@Component
public class ReadYourWrites implements HandlerInterceptor {
    public static final String POSITION_HEADER = "Samenspel-Position";
    public static final String WAIT_FOR_HEADER = "Samenspel-Wait-For";
    public static final String WAIT_FOR_PARAMETER = "waitFor";
    private static final long POLL_MILLIS = 20;
    private static final String RETRY_AFTER_SECONDS = "1";

    private final ReadPositions positions;
    private final MongoEventStorageEngine eventStore;
    private final Duration timeout;
    private final Semaphore waiting;
    private final ProblemWriter problems = new ProblemWriter();

    public ReadYourWrites(ReadPositions positions, MongoEventStorageEngine eventStore,
                          @Value("${samenspel.queries.wait-for-timeout:5s}") Duration timeout,
                          @Value("${samenspel.queries.max-waiting:32}") int maxWaiting) {
        this.positions = positions;
        this.eventStore = eventStore;
        this.timeout = timeout;
        this.waiting = new Semaphore(Math.max(1, maxWaiting));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        List<String> processors = processors(handler);
        if (processors == null) {
            return true;
        }
        Long wanted = wanted(request);
        long included = positions.included(processors);
        if (wanted != null && included < wanted) {
            if (!waiting.tryAcquire()) {
                return unavailable(response, included, "Too many requests are waiting for the read models; "
                        + "ask again shortly.");
            }
            try {
                included = await(processors, wanted, included);
            } finally {
                waiting.release();
            }
            if (included < wanted) {
                return unavailable(response, included, "The read models include position " + included + ", not yet "
                        + wanted + "; ask again shortly.");
            }
        }
        // Read before the answer is built, so the answer includes at least this position.
        response.setHeader(POSITION_HEADER, Long.toString(included));
        return true;
    }

    /** The processors an endpoint answers from; null when it does not answer from read models. */
    static List<String> processors(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return null;
        }
        ReadFrom readFrom = method.getMethodAnnotation(ReadFrom.class);
        if (readFrom == null) {
            readFrom = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ReadFrom.class);
        }
        return readFrom == null ? null : List.of(readFrom.value());
    }

    /** The position the client asks to wait for, from the parameter or else the header; null when it asks none. */
    private Long wanted(HttpServletRequest request) {
        String text = request.getParameter(WAIT_FOR_PARAMETER);
        String field = WAIT_FOR_PARAMETER;
        if (text == null) {
            text = request.getHeader(WAIT_FOR_HEADER);
            field = WAIT_FOR_HEADER;
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        long wanted;
        try {
            wanted = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw RuleViolation.invalid(field, "must be a position: a whole number as a command's answer gives it");
        }
        if (wanted < 0) {
            throw RuleViolation.invalid(field, "must not be negative");
        }
        long head = eventStore.head();
        if (wanted > head) {
            throw RuleViolation.invalid(field, "lies beyond the newest position in the store (" + head
                    + "); send the position a command answered with");
        }
        return wanted;
    }

    private long await(List<String> processors, long wanted, long included) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (included < wanted && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return included;
            }
            included = positions.included(processors);
        }
        return included;
    }

    private boolean unavailable(HttpServletResponse response, long included, String detail) throws IOException {
        response.setHeader(POSITION_HEADER, Long.toString(included));
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Not included yet", detail, WAIT_FOR_PARAMETER);
        return false;
    }
}
