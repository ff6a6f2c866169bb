package nl.samenspel.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers refusals that happen in the security filters (401, 403, 413, 429) as problem+json, like everything else. */
public class ProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                  "Wait before trying to log in again.", "credentials");
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Samenspel\", Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "Login required",
              "Log in with a username and password (HTTP Basic) or a bearer token.", "credentials");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            boolean sent = request.getHeader("X-CSRF-TOKEN") != null || request.getParameter("_csrf") != null;
            write(response, HttpStatus.FORBIDDEN, sent ? "CSRF token invalid" : "CSRF token missing", sent
                    ? "The CSRF token does not belong to this login session; reload the page and try again."
                    : "This request rides on a login session and must carry the session's CSRF token (form field _csrf "
                            + "or header X-CSRF-TOKEN); API clients that send no session cookie need none.", "_csrf");
            return;
        }
        write(response, HttpStatus.FORBIDDEN, "Not allowed", "Your roles do not allow this.", "credentials");
    }

    /** Writes the same shape as the problems the controllers answer with: errors at the top level. */
    public void write(HttpServletResponse response, HttpStatus status, String title, String detail, String field)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://samenspel.example/problems/" + status.name().toLowerCase().replace('_', '-'));
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("errors", List.of(Map.of("field", field, "message", detail)));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
