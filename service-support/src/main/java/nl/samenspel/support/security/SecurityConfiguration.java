package nl.samenspel.support.security;

import com.mongodb.client.MongoDatabase;
import jakarta.servlet.DispatcherType;
import nl.samenspel.support.people.PeopleDirectory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.Arrays;

/**
 * One security setup for both services: HTTP Basic and bearer tokens for the API, form login with a session and CSRF
 * protection for the web UI, optional tokens of an organisation's identity provider, and per-network authorization
 * on every API endpoint through {@link Access} rules.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration implements WebMvcConfigurer {
    /** The OpenAPI description and Swagger UI: readable without login; they describe the API, they hold no data. */
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
            "/swagger-ui/**"};
    private static final String STRICT_POLICY =
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessInterceptor()).addPathPatterns("/api/**");
        registry.addInterceptor(new nl.samenspel.support.AnswerableWrites()).addPathPatterns("/api/**");
        registry.addInterceptor(new nl.samenspel.support.SingleValuedParameters()).addPathPatterns("/api/**");
    }

    /**
     * Each request is measured once, as {@code http_server_requests}. Spring Security would also observe its filter
     * chain, every filter in it, and each authentication and authorization: a timer per chain and two counters per
     * filter, all looked up again for every request, which took about a tenth of the request threads' time with eight
     * clients logging entries. Refused requests are counted there too, by their status (401, 403).
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Hashes new passwords with BCrypt, marked with its id; hashes stored before the mark are still read as BCrypt and
     * re-hashed with the mark at their owner's next login.
     */
    @Bean
    public PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        return encoder;
    }

    @Bean
    public UserStore userStore(MongoDatabase database, PasswordEncoder passwordEncoder) {
        return new UserStore(database, passwordEncoder);
    }

    @Bean
    public AccessLog accessLog(MongoDatabase database) {
        return new AccessLog(database);
    }

    @Bean
    public PeopleDirectory peopleDirectory(MongoDatabase database) {
        return new PeopleDirectory(database);
    }

    @Bean
    public LoginThrottle loginThrottle(SecurityProperties properties) {
        return new LoginThrottle(properties.loginAttempts(), properties.loginAttempts() * 4, properties.throttleWindow(),
                                 properties.throttleTracked(), Clock.systemUTC());
    }

    @Bean
    public AccountAuthenticationProvider accountAuthenticationProvider(UserStore users, PasswordEncoder encoder,
                                                                       LoginThrottle throttle,
                                                                       SecurityProperties properties) {
        return new AccountAuthenticationProvider(users, encoder, throttle, properties.rememberPassword());
    }

    @Bean
    public TokenService tokenService(SecurityProperties properties) {
        return new TokenService(properties.tokenSecret(), properties.tokenLifetime());
    }

    @Bean
    public AdminBootstrap adminBootstrap(UserStore users, SecurityProperties properties) {
        return new AdminBootstrap(users, properties);
    }

    @Bean
    public AuthController authController(AccountAuthenticationProvider provider, TokenService tokens, UserStore users) {
        return new AuthController(provider, tokens, users);
    }

    @Bean
    public ProblemWriter problemWriter() {
        return new ProblemWriter();
    }

    /** First of all filters, so no other code (authentication included) waits on a slow body. */
    @Bean
    public FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(SecurityProperties properties,
                                                                       ProblemWriter problems) {
        FilterRegistrationBean<RequestBodyFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyFilter(properties.maxRequestBytes(), properties.bodyReadDeadline(), problems));
        registration.setOrder(Integer.MIN_VALUE);
        registration.setAsyncSupported(true);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    /** Serves HTTP with the connector that caps the connections one client address may hold. */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionsPerAddress(SecurityProperties properties) {
        return factory -> {
            factory.setProtocol(AddressLimitedNioProtocol.class.getName());
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AddressLimitedNioProtocol protocol) {
                    protocol.setMaxConnectionsPerAddress(properties.maxConnectionsPerAddress());
                }
            });
        };
    }

    /**
     * Our own tokens are checked with the shared secret; when an identity provider is configured, tokens signed by it
     * (any algorithm but HS256) are checked against its published keys, fetched on first use, and must name it as
     * issuer, this platform as audience, and an expiry.
     */
    @Bean
    public JwtDecoder jwtDecoder(TokenService tokens, SecurityProperties properties) {
        JwtDecoder own = tokens.decoder();
        String issuer = properties.oidcIssuerUri();
        if (issuer == null || issuer.isBlank()) {
            return own;
        }
        if (properties.oidcAudience() == null || properties.oidcAudience().isBlank()) {
            throw new IllegalStateException("SAMENSPEL_OIDC_AUDIENCE must be set with SAMENSPEL_OIDC_ISSUER_URI: the "
                                                    + "audience the provider's tokens name for this platform");
        }
        JwtDecoder provider = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
            decoder.setJwtValidator(TokenService.validator(issuer, properties.oidcAudience()));
            return decoder;
        });
        return token -> {
            try {
                return own.decode(token);
            } catch (JwtException notOurs) {
                return provider.decode(token);
            }
        };
    }

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder jwtDecoder, UserStore users,
                                                   SecurityProperties properties, ProblemWriter problems)
            throws Exception {
        RequestMatcher docs = new OrRequestMatcher(Arrays.stream(API_DOCS).map(AntPathRequestMatcher::new)
                                                          .toArray(RequestMatcher[]::new));
        // The password provider is a bean, so it is the global authentication manager's only provider; registering it
        // here as well would check (and count) every failed password twice.
        http.authorizeHttpRequests(authorize -> authorize
                    // Anyone may ask whether a service is up and ready; the details, and the metrics, are the admin's.
                    .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                    .requestMatchers("/api/auth/token", "/login", "/error").permitAll()
                    .requestMatchers(API_DOCS).permitAll()
                    // A metrics collector scrapes with its own account (SAMENSPEL_METRICS_PASSWORD), which can do nothing else.
                    .requestMatchers("/actuator/prometheus").hasAnyRole("ADMIN", "METRICS")
                    .requestMatchers("/actuator/**").hasRole("ADMIN")
                    .anyRequest().authenticated())
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            .oauth2ResourceServer(resource -> resource
                    .authenticationEntryPoint(problems)
                    .jwt(jwt -> jwt.decoder(jwtDecoder)
                                   .jwtAuthenticationConverter(new JwtAccountConverter(users))))
            .formLogin(Customizer.withDefaults())
            .exceptionHandling(exceptions -> exceptions
                    .defaultAuthenticationEntryPointFor(problems, new AntPathRequestMatcher("/api/**"))
                    .accessDeniedHandler(problems))
            // CSRF only matters where a browser session could authenticate the request. A request without a session
            // cookie has none to ride on; one that names a session that no longer exists and brings its own
            // credentials authenticates by those. Any other request with a session cookie needs the token, whatever
            // other headers it carries.
            .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getRequestedSessionId() == null
                    || (!request.isRequestedSessionIdValid() && ownCredentials(request))))
            .headers(headers -> headers
                    // Swagger UI styles elements inline and draws its icons from data: URLs; only its pages allow that.
                    .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(docs,
                            new ContentSecurityPolicyHeaderWriter(STRICT_POLICY.replace("default-src 'self';",
                                    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"))))
                    .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(docs),
                            new ContentSecurityPolicyHeaderWriter(STRICT_POLICY)))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Whether the request brings its own credentials: HTTP Basic or a bearer token, with something after the scheme. */
    static boolean ownCredentials(jakarta.servlet.http.HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return false;
        }
        String[] parts = header.strip().split("\\s+", 2);
        return parts.length == 2 && (parts[0].equalsIgnoreCase("Basic") || parts[0].equalsIgnoreCase("Bearer"));
    }
}
