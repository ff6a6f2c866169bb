package nl.samenspel.support.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Issues and checks the platform's own bearer tokens: short-lived JWTs signed with a secret that every service
 * instance gets from the environment, so a token from one service is accepted by the other. A token names only the
 * user; roles are looked up on every request, so a revoked role stops working at once.
 */
public class TokenService {
    public static final String ISSUER = "samenspel";

    private final SecretKey key;
    private final Duration lifetime;
    private final NimbusJwtEncoder encoder;

    public TokenService(String secret, Duration lifetime) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("samenspel.security.token-secret (SAMENSPEL_TOKEN_SECRET) must be set to a "
                                                    + "secret of at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.lifetime = lifetime;
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }

    public IssuedToken issue(SamenspelPrincipal principal) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER).subject(principal.userId()).issuedAt(now).expiresAt(now.plus(lifetime))
                .claim("preferred_username", principal.username()).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                              .getTokenValue();
        return new IssuedToken(token, "Bearer", lifetime.toSeconds());
    }

    public JwtDecoder decoder() {
        return NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }
}
