package nl.samenspel.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Duration;

/** Checks a username and password against the user store, throttling repeated failures. */
public class AccountAuthenticationProvider implements AuthenticationProvider {
    private final UserStore users;
    private final LoginThrottle throttle;

    public AccountAuthenticationProvider(UserStore users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        return authenticate(username, password);
    }

    public SamenspelAuthentication authenticate(String username, String password) {
        String address = callerAddress();
        Duration wait = throttle.waitFor(username, address);
        if (!wait.isZero() && !wait.isNegative()) {
            throw new LoginThrottledException(wait);
        }
        UserAccount account = users.byUsername(username).filter(UserAccount::enabled).orElse(null);
        if (account == null || !users.passwordMatches(account, password)) {
            throttle.failed(username, address);
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        throttle.succeeded(username);
        return new SamenspelAuthentication(SamenspelPrincipal.of(account));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String callerAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "unknown";
    }
}
