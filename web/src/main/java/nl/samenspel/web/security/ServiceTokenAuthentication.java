package nl.samenspel.web.security;

import nl.samenspel.web.api.SamenspelClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Checks a login form's username and password by asking the command-service for a token with them: the web
 * application keeps no users or passwords of its own. What went wrong is kept apart (wrong credentials, too many
 * attempts, service unreachable) so the login page can say which.
 */
@Component
public class ServiceTokenAuthentication implements AuthenticationProvider {
    private final SamenspelClient client;

    public ServiceTokenAuthentication(SamenspelClient client) {
        this.client = client;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (username.isEmpty() || password.isEmpty()) {
            throw new BadCredentialsException("empty");
        }
        try {
            String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress() : null;
            SamenspelClient.Token token = client.token(username, password, address);
            boolean admin = client.me(token.accessToken()).admin();
            SignedIn user = new SignedIn(username, token.accessToken(), Instant.now().plusSeconds(token.expiresIn()), admin);
            return UsernamePasswordAuthenticationToken.authenticated(user, null, AuthorityUtils.createAuthorityList("ROLE_USER"));
        } catch (SamenspelClient.ApiException e) {
            if (e.status() == 401 || e.status() == 400) {
                throw new BadCredentialsException("rejected");
            }
            if (e.status() == 429) {
                throw new LockedException("throttled");
            }
            throw new AuthenticationServiceException("unavailable", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
