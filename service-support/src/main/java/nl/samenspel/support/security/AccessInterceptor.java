package nl.samenspel.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.samenspel.kernel.access.NetworkRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides, before any controller runs, whether the caller may use the endpoint for the network in its path, following
 * the endpoint's {@link Access} rule. Fails closed: an API endpoint without a rule is refused.
 */
public class AccessInterceptor implements HandlerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        Access rule = method.getMethodAnnotation(Access.class);
        if (rule == null) {
            log.error("Endpoint {} has no access rule; refusing", method);
            throw new AccessDeniedException("This endpoint has no access rule");
        }
        if (rule.value() == Access.Audience.PUBLIC) {
            return true;
        }
        SamenspelPrincipal principal = Actor.currentPrincipal();
        if (principal == null) {
            throw new InsufficientAuthenticationException("Login required");
        }
        String actingAs = switch (rule.value()) {
            case AUTHENTICATED -> principal.admin() ? "admin" : "user";
            case ADMIN -> principal.admin() ? "admin" : null;
            case NETWORK -> networkRole(request, rule, principal).orElse(null);
            case PUBLIC -> "anonymous";
        };
        if (actingAs == null) {
            throw new AccessDeniedException("You have no role in this network that allows this");
        }
        request.setAttribute(Actor.ATTRIBUTE, new Actor(principal, actingAs));
        return true;
    }

    private static Optional<String> networkRole(HttpServletRequest request, Access rule, SamenspelPrincipal principal) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        UUID networkId;
        try {
            networkId = UUID.fromString(variables.get("networkId"));
        } catch (RuntimeException e) {
            // A malformed id names no network the caller has a role in; answered as a bad request further on.
            return principal.admin() || !principal.grants().isEmpty() ? Optional.of("unknown") : Optional.empty();
        }
        Set<NetworkRole> held = principal.rolesIn(networkId);
        Optional<String> role = Arrays.stream(rule.roles()).filter(held::contains).findFirst().map(NetworkRole::wireName);
        if (role.isEmpty() && rule.admin() && principal.admin()) {
            return Optional.of("admin");
        }
        return role;
    }
}
