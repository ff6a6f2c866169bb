package nl.samenspel.support.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Issues and checks the platform's own bearer tokens: short-lived JWTs signed with a secret that every service
 * instance gets from the environment, so a token from one service is accepted by the other. A token names the user and
 * the user's token version; roles are looked up on every request, so a revoked role stops working at once, and raising
 * the version (password reset, disabling, revocation) ends every token issued before.
 * <p>
 * A token is accepted only with an expiry in the future, this platform as issuer and audience: a token signed with
 * the secret but made for something else, or meant to live for ever, is refused.
 */
public class TokenService {
    public static final String ISSUER = "samenspel";
    public static final String AUDIENCE = "samenspel-api";
    /** The claim holding the user's token version at issue. */
    public static final String VERSION = "ver";

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

    public IssuedToken issue(UserAccount account) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER).audience(List.of(AUDIENCE)).subject(account.userId())
                .issuedAt(now).expiresAt(now.plus(lifetime))
                .claim(VERSION, account.tokenVersion())
                .claim("preferred_username", account.username()).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                              .getTokenValue();
        return new IssuedToken(token, "Bearer", lifetime.toSeconds());
    }

    public JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(validator(ISSUER, AUDIENCE));
        return decoder;
    }

    /** Requires an expiry (and checks it), the given issuer and the given audience among the token's audiences. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
    }
}
