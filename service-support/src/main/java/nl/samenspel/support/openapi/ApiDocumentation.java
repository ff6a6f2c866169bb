package nl.samenspel.support.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.support.security.Access;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI description both services serve at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): the
 * two ways to log in as security schemes, and each operation's {@link Access} rule in words.
 */
@AutoConfiguration
public class ApiDocumentation {
    public static final String BASIC = "basicAuth";
    public static final String BEARER = "bearerAuth";

    @Bean
    public OpenAPI samenspelOpenApi(@Value("${spring.application.name:samenspel}") String service) {
        return new OpenAPI()
                .info(new Info().title("Samenspel " + service).version("v1").description("""
                        Samenspel monitors partnerships between organisations from an event log that is never \
                        edited, only corrected. Refusals are RFC 9457 problem details (application/problem+json) \
                        with a list of field-level `errors`: 400 a broken rule or malformed input, 401 no login, \
                        403 no role that allows it, 404 something named does not exist, 409 a conflict with what is \
                        logged. Log in with HTTP Basic, or with a bearer token from `POST /api/auth/token` (a token \
                        from either service works on both). Every command answer says the global `position` its \
                        entry was written at (also in the header Samenspel-Position) and carries a signed `receipt` \
                        for the offline verifiers; a query built from read models says in Samenspel-Position which \
                        position it includes, and waits (at most 5 s, then 503 with Retry-After) when asked \
                        `?waitFor=<position>`, so a client reads its own write."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Username and password of a Samenspel user"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A token from POST /api/auth/token, or an access token of the configured "
                                        + "identity provider (OIDC)")))
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
    }

    /** Who may call each operation, from its {@link Access} rule; public operations need no login. */
    @Bean
    public OperationCustomizer accessRuleDocumentation() {
        return (operation, handler) -> {
            Access rule = handler.getMethodAnnotation(Access.class);
            if (rule == null) {
                return operation;
            }
            String who = switch (rule.value()) {
                case PUBLIC -> "No login needed.";
                case AUTHENTICATED -> "Anyone logged in.";
                case ADMIN -> "Platform admins only.";
                case NETWORK -> "The " + roles(rule.roles()) + " of the network"
                        + (rule.admin() ? ", or a platform admin." : ".");
            };
            if (rule.value() == Access.Audience.PUBLIC) {
                operation.setSecurity(List.of());
            }
            operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                                             + "**Who:** " + who);
            return operation;
        };
    }

    @Bean
    public ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    /** coordinator; coordinator or auditor; coordinator, steering or auditor */
    private static String roles(NetworkRole[] roles) {
        List<String> names = Arrays.stream(roles).map(NetworkRole::wireName).toList();
        return names.size() < 2 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** An example for the one command both services take: exchanging a password for a token. */
    @Bean
    public OpenApiCustomizer tokenExample() {
        return openApi -> {
            var path = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/auth/token");
            Operation post = path == null ? null : path.getPost();
            if (post == null || post.getRequestBody() == null) {
                return;
            }
            Content content = post.getRequestBody().getContent();
            MediaType json = content == null ? null : content.get("application/json");
            if (json != null) {
                json.setExample(Map.of("username", "coordinator", "password", "correct horse battery staple"));
            }
        };
    }
}
