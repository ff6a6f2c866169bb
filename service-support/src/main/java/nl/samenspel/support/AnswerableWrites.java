package nl.samenspel.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;
import java.util.Set;

/**
 * Refuses a write whose {@code Accept} header allows no answer the API gives (JSON, or problem+json for a refusal)
 * before the write is made. Spring chooses the answer's format after the handler has run: such a write was committed
 * and then answered 406, so a client saw a refusal, retried, and logged the entry twice.
 */
public class AnswerableWrites implements HandlerInterceptor {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (READS.contains(request.getMethod())) {
            return true;
        }
        List<String> accept = java.util.Collections.list(request.getHeaders("Accept"));
        if (accept.isEmpty()) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            throw new HttpMediaTypeNotAcceptableException("The Accept header cannot be read: " + unreadable.getMessage());
        }
        boolean answerable = accepted.stream().anyMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith));
        if (!answerable) {
            // names what the API answers in, so the client can ask for it; nothing was written
            throw new HttpMediaTypeNotAcceptableException(ANSWERS);
        }
        return true;
    }
}
