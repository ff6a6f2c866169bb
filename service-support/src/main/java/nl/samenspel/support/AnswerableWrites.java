package nl.samenspel.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
            throws HttpMediaTypeNotAcceptableException, java.io.IOException {
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
            accepted.forEach(MediaType::getQualityValue);
        } catch (IllegalArgumentException unreadable) {   // InvalidMediaTypeException among them
            // answered at once, as problem+json: an answer chosen by an Accept header that cannot be read has no form
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"https://samenspel.example/problems/invalid-request\",\"title\":"
                    + "\"The request is malformed\",\"status\":400,\"detail\":\"Accept: cannot be read; send "
                    + "application/json, or leave it out\",\"errors\":[{\"field\":\"Accept\",\"message\":\"cannot be read; "
                    + "send application/json, or leave it out\"}]}");
            return false;
        }
        // a type with quality 0 is one the client will not take
        boolean answerable = accepted.stream().filter(type -> type.getQualityValue() > 0)
                                     .anyMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith));
        if (!answerable) {
            // names what the API answers in, so the client can ask for it; nothing was written
            throw new HttpMediaTypeNotAcceptableException(ANSWERS);
        }
        return true;
    }
}
