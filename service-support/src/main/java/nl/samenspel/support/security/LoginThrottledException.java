package nl.samenspel.support.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many failed logins: the caller must wait before trying again. */
public class LoginThrottledException extends AuthenticationException {
    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins; try again later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
