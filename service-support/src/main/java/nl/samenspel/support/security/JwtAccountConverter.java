package nl.samenspel.support.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified token into a Samenspel user. Our own tokens name the user id and the token version they were issued
 * at; a token from an organisation's identity provider is matched on its issuer and subject, which an admin linked to
 * a Samenspel user beforehand (a username claim is neither unique nor stable). Either way the roles come from the
 * user store, and a disabled user is refused.
 */
public class JwtAccountConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private final UserStore users;

    public JwtAccountConverter(UserStore users) {
        this.users = users;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String issuer = jwt.getClaimAsString("iss");
        boolean own = TokenService.ISSUER.equals(issuer);
        UserAccount account = (own ? users.byId(jwt.getSubject()) : users.byIdentity(issuer, jwt.getSubject()))
                .filter(UserAccount::enabled)
                .orElseThrow(() -> new BadCredentialsException("The token names no known user"));
        if (own && !currentVersion(jwt, account)) {
            throw new BadCredentialsException("The token was revoked");
        }
        return new SamenspelAuthentication(SamenspelPrincipal.of(account));
    }

    private static boolean currentVersion(Jwt jwt, UserAccount account) {
        Object version = jwt.getClaims().get(TokenService.VERSION);
        return version instanceof Number n && n.longValue() == account.tokenVersion();
    }
}
