package nl.samenspel.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Checks a username and password with Spring Security's {@link DaoAuthenticationProvider}: an unknown username costs
 * the same password hashing as a known one (so timing does not tell which usernames exist), a disabled account is
 * refused only after its password was checked (for the same reason), and a password hashed the old or a weaker way
 * is re-hashed at its owner's next login. Failures are slowed by the {@link LoginThrottle}.
 * <p>
 * API clients send HTTP Basic credentials with every request. So that each request does not pay the deliberately slow
 * hashing again, a successful check is remembered for a short time, keyed by a keyed hash of the stored password hash
 * and the presented password: a new password (or a re-hash) never matches an old entry, and the plain password is not
 * kept. Whether the account is still enabled and which roles it holds are read from the user store on every request.
 */
public class AccountAuthenticationProvider implements AuthenticationProvider {
    private final LoginThrottle throttle;
    private final PasswordCheck passwords;

    public AccountAuthenticationProvider(UserStore users, PasswordEncoder encoder, LoginThrottle throttle,
                                         Duration rememberSuccess) {
        this.throttle = throttle;
        this.passwords = new PasswordCheck(users, encoder, rememberSuccess);
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
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        Authentication checked;
        try {
            checked = passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        } catch (BadCredentialsException | AccountStatusException e) {
            throttle.failed(username, address);
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        throttle.succeeded(username, address);
        return new SamenspelAuthentication(SamenspelPrincipal.of(((AccountDetails) checked.getPrincipal()).account()));
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

    /** The password check proper, remembering recent successes. */
    private static final class PasswordCheck extends DaoAuthenticationProvider {
        private final Cache<String, Boolean> recentSuccesses;
        private final SecretKeySpec cacheKey;
        private final PasswordEncoder encoder;
        private final String noPassword;

        PasswordCheck(UserStore users, PasswordEncoder encoder, Duration rememberSuccess) {
            super(encoder);
            this.encoder = encoder;
            this.noPassword = encoder.encode(java.util.UUID.randomUUID().toString());
            setUserDetailsService(users::loadUserByUsername);
            setUserDetailsPasswordService(users::updatePassword);
            // Disabled accounts are refused after the password check, not before it, so they answer no faster.
            setPreAuthenticationChecks(user -> { });
            setPostAuthenticationChecks(user -> {
                if (!user.isEnabled()) {
                    throw new DisabledException("Account disabled");
                }
            });
            this.recentSuccesses = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(rememberSuccess).build();
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            this.cacheKey = new SecretKeySpec(secret, "HmacSHA256");
        }

        @Override
        protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken presented) {
            if (user.getPassword() == null || presented.getCredentials() == null) {
                // Users of an identity provider have no password: hash anyway, so they answer as slowly as the rest.
                encoder.matches(String.valueOf(presented.getCredentials()), noPassword);
                throw new BadCredentialsException("No password");
            }
            String key = key(user.getPassword(), presented.getCredentials().toString());
            if (recentSuccesses.getIfPresent(key) != null) {
                return;
            }
            super.additionalAuthenticationChecks(user, presented);
            recentSuccesses.put(key, Boolean.TRUE);
        }

        private String key(String storedHash, String presentedPassword) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(cacheKey);
                mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
                return HexFormat.of().formatHex(mac.doFinal(presentedPassword.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
