package nl.samenspel.support.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** An authenticated Samenspel user, however they proved who they are (password, token or identity provider). */
public class SamenspelAuthentication extends AbstractAuthenticationToken {
    private final SamenspelPrincipal principal;

    public SamenspelAuthentication(SamenspelPrincipal principal) {
        super(principal.admin() ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))
                : principal.monitoring() ? List.of(new SimpleGrantedAuthority("ROLE_METRICS")) : List.of());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public SamenspelPrincipal getPrincipal() {
        return principal;
    }
}
