package nl.samenspel.support.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;

import java.util.List;
import java.util.Map;

/**
 * Documents the refusals every API operation can answer, as RFC 9457 problem details with field-level errors: 400,
 * and 404 where the path names something, 409 for commands, 401 and 403 where a login is needed.
 */
public class ProblemResponses implements OpenApiCustomizer, Ordered {
    static final String PROBLEM = "Problem";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> addProblems(path, method, operation));
            }
        });
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        boolean command = method != PathItem.HttpMethod.GET;
        boolean isPublic = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        add(operation, "400", "Malformed input, or the request breaks a rule; nothing was changed");
        if (!isPublic) {
            add(operation, "401", "No login, or a wrong password or token");
            add(operation, "403", "Your roles do not allow this (also for a network you hold no role in)");
        }
        if (path.contains("{")) {
            add(operation, "404", "Something the request names does not exist");
        }
        if (command && !isPublic) {
            add(operation, "409", "Conflicts with what is already logged (or a reused commandId)");
        }
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description).content(
                new Content().addMediaType("application/problem+json",
                                           new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema().properties(Map.<String, Schema>of(
                "field", new StringSchema().description("The field, e.g. partyIds[0]; for an import: line 3: partyIds[0]"),
                "message", new StringSchema()));
        Schema<?> rejectedLine = new ObjectSchema().description("A refused line of an import file").properties(Map.of(
                "line", new IntegerSchema().description("The line it starts on, counting from 1"),
                "type", new StringSchema().description("The kind of entry the line holds, if it says"),
                "problem", new StringSchema()._enum(List.of("invalid", "not-found", "conflict")),
                "errors", new ArraySchema().items(fieldError)));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details (application/problem+json) with field-level errors");
        problem.properties(Map.of(
                "type", new StringSchema().format("uri"),
                "title", new StringSchema(),
                "status", new IntegerSchema(),
                "detail", new StringSchema(),
                "errors", new ArraySchema().items(fieldError),
                "lines", new ArraySchema().items(rejectedLine).description("Only for a refused import: every refused line")));
        problem.setRequired(List.of("type", "title", "status", "errors"));
        return problem;
    }
}
