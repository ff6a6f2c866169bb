package nl.samenspel.support.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified token into a Samenspel user. Our own tokens name the user id; a token from an organisation's
 * identity provider is matched to a Samenspel user by a username claim. Either way the roles come from the user store.
 */
public class JwtAccountConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private final UserStore users;
    private final String usernameClaim;

    public JwtAccountConverter(UserStore users, String usernameClaim) {
        this.users = users;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        boolean own = TokenService.ISSUER.equals(jwt.getClaimAsString("iss"));
        UserAccount account = (own ? users.byId(jwt.getSubject()) : users.byUsername(jwt.getClaimAsString(usernameClaim)))
                .filter(UserAccount::enabled)
                .orElseThrow(() -> new BadCredentialsException("The token names no known user"));
        return new SamenspelAuthentication(SamenspelPrincipal.of(account));
    }
}
