package nl.samenspel.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller and the role it acts in for this request ("admin" or a network role), as decided by the
 * access check. The command side records it as {@code recordedBy}; the client can never supply it.
 */
public record Actor(SamenspelPrincipal principal, String actingAs) {
    static final String ATTRIBUTE = Actor.class.getName();

    public String userId() {
        return principal.userId();
    }

    /** The actor of the current request, as the access check left it. */
    public static Actor of(HttpServletRequest request) {
        Object actor = request.getAttribute(ATTRIBUTE);
        if (actor instanceof Actor a) {
            return a;
        }
        throw new IllegalStateException("No access decision was made for " + request.getRequestURI());
    }

    /** The authenticated principal, or null for anonymous callers. */
    public static SamenspelPrincipal currentPrincipal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SamenspelPrincipal p ? p : null;
    }
}
