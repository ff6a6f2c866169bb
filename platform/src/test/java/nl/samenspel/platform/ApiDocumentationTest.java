package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.network.NetworkFounded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both services describe their API at /v3/api-docs (readable without login) and serve Swagger UI: a well-formed
 * OpenAPI document whose references all resolve, with both ways to log in, and with every kind of entry documented
 * as a path of its own with a schema and an example.
 */
class ApiDocumentationTest {
    private static TestPlatform tp;

    @BeforeAll
    static void start() {
        tp = new TestPlatform();
    }

    @AfterAll
    static void stop() {
        tp.close();
    }

    @Test
    void theCommandServiceDocumentsEveryKindOfEntryWithASchemaAndAnExample() throws Exception {
        JsonNode doc = apiDocs(tp.commandPort());

        List<EntryTypes.EntryType> kinds = EntryTypes.all().stream().filter(t -> t.eventClass() != NetworkFounded.class)
                                                     .toList();
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(36);
        for (EntryTypes.EntryType kind : kinds) {
            String type = kind.wireName();
            JsonNode post = doc.at("/paths/~1api~1networks~1{networkId}~1entries~1" + type + "/post");
            assertThat(post.isMissingNode()).as("a path for " + type).isFalse();
            assertThat(post.path("x-entry-group").asText()).as("the group of " + type).isEqualTo(kind.group().key());
            assertThat(post.at("/tags/0").asText()).as("the tag of " + type)
                    .isEqualTo("Entries: " + kind.group().title().toLowerCase(java.util.Locale.ROOT));
            JsonNode body = post.at("/requestBody/content/application~1json");
            assertThat(body.get("example")).as("an example for " + type).isNotNull();
            String schema = body.at("/schema/$ref").asText().replace("#/components/schemas/", "");
            JsonNode properties = doc.at("/components/schemas/" + schema + "/properties");
            assertThat(properties.has("occurredOn")).as("the fields of " + type).isTrue();
            assertThat(properties.has("networkId")).as("networkId comes from the path").isFalse();
            assertThat(post.at("/responses/400/content/application~1problem+json").isMissingNode()).isFalse();
            assertThat(post.get("description").asText()).contains("coordinator of the network");
        }
        // A number that must be above zero, or not below it, says so as its least value (the web forms read it there)
        JsonNode contribution = doc.at("/components/schemas/" + doc.at(
                "/paths/~1api~1networks~1{networkId}~1entries~1contribution-recorded/post/requestBody/content/application~1json/schema/$ref")
                .asText().replace("#/components/schemas/", "") + "/properties");
        assertThat(contribution.at("/quantity/minimum").asInt(-1)).isZero();
        // above zero, as OpenAPI 3.1 writes it
        assertThat(contribution.at("/quantity/exclusiveMinimum").isNumber()).as(contribution.toString()).isTrue();
        assertThat(contribution.at("/quantity/exclusiveMinimum").asInt(-1)).isZero();
        assertThat(contribution.at("/estimatedValueEur/minimum").asInt(-1)).isZero();
        assertThat(contribution.at("/estimatedValueEur/exclusiveMinimum").isMissingNode()).isTrue();
        JsonNode agreement = doc.at("/paths/~1api~1networks~1{networkId}~1entries~1agreement-made/post");
        assertThat(agreement.at("/requestBody/content/application~1json/example/title").asText())
                .isEqualTo("Shared intake for frail elderly people");

        JsonNode imports = doc.at("/paths/~1api~1networks~1{networkId}~1imports/post");
        assertThat(imports.at("/requestBody/content").has("application/x-ndjson")).isTrue();
        assertThat(imports.at("/requestBody/content").has("text/csv")).isTrue();
        assertThat(doc.at("/paths/~1api~1networks/post/requestBody/content/application~1json/example/name").asText())
                .isEqualTo("Zorgnetwerk Lindewaard");
    }

    /**
     * The import template's example texts, kept in the pages' bundles so that a Dutch template reads in Dutch, are the
     * description's own in English (a list field's values joined by ";"), and each names a text field of its kind's
     * example: a changed example would otherwise leave the English template out of step with the description.
     */
    @Test
    void theTemplatesExampleTextsInEnglishAreTheDescriptionsOwn() throws Exception {
        JsonNode doc = apiDocs(tp.commandPort());
        java.util.Properties english = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/web/i18n/examples_en.properties")) {
            english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(english).hasSizeGreaterThan(25);
        for (String key : english.stringPropertyNames()) {
            String[] parts = key.split("\\.");
            assertThat(parts).as(key).hasSize(3);
            JsonNode example = doc.at("/paths/~1api~1networks~1{networkId}~1entries~1" + parts[1]
                                      + "/post/requestBody/content/application~1json/example/" + parts[2]);
            String text = example.isArray()
                    ? String.join(";", java.util.stream.StreamSupport.stream(example.spliterator(), false)
                                                                     .map(JsonNode::asText).toList())
                    : example.asText(null);
            assertThat(text).as(key).isEqualTo(english.getProperty(key));
        }
    }

    @Test
    void bothServicesPublishAWellFormedDescriptionWithBasicAndBearerLogin() throws Exception {
        for (int port : new int[]{tp.commandPort(), tp.queryPort()}) {
            JsonNode doc = apiDocs(port);
            assertThat(doc.get("openapi").asText()).startsWith("3.");
            assertThat(doc.at("/info/title").asText()).startsWith("Samenspel");
            assertThat(doc.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
            assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
            assertThat(doc.get("security").findValuesAsText("basicAuth")).isNotNull();
            assertThat(doc.at("/paths/~1api~1auth~1token/post/security").isEmpty()).as("a token needs no login").isTrue();
            assertThat(doc.at("/paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"));
            assertThat(unresolvedReferences(doc)).as("every $ref resolves").isEmpty();
            OpenAPI model = Json.mapper().readValue(doc.toString(), OpenAPI.class);
            assertThat(model.getPaths()).isNotEmpty();
        }
        JsonNode queries = apiDocs(tp.queryPort());
        assertThat(queries.at("/paths/~1api~1networks~1{networkId}~1events/get").isMissingNode()).isFalse();
        assertThat(queries.at("/paths").has("/api/networks/{networkId}/entries/agreement-made")).isFalse();
    }

    @Test
    void theDescriptionsDocumentPositionsReceiptsAndTheWaitForAWrite() {
        JsonNode commands = apiDocs(tp.commandPort());
        for (String path : new String[]{"/api/networks", "/api/networks/{networkId}/entries/agreement-made",
                "/api/networks/{networkId}/imports"}) {
            JsonNode created = commands.at("/paths/" + path.replace("/", "~1") + "/post/responses/201");
            assertThat(created.at("/headers").has("Samenspel-Position")).as(path).isTrue();
            JsonNode schema = created.at("/content/application~1json/schema");
            JsonNode properties = schema.has("$ref")
                    ? commands.at(schema.get("$ref").asText().substring(1) + "/properties") : schema.get("properties");
            assertThat(properties.has("position")).as(path).isTrue();
            assertThat(properties.has("receipt")).as(path).isTrue();
        }
        assertThat(commands.at("/components/schemas/Receipt/properties").has("signature")).isTrue();

        JsonNode queries = apiDocs(tp.queryPort());
        for (String path : new String[]{"/api/networks/{networkId}", "/api/networks/{networkId}/facts",
                "/api/networks/{networkId}/health"}) {
            JsonNode get = queries.at("/paths/" + path.replace("/", "~1") + "/get");
            assertThat(get.get("parameters").findValuesAsText("name")).as(path)
                    .contains("waitFor", "Samenspel-Wait-For");
            assertThat(get.at("/responses/200/headers").has("Samenspel-Position")).as(path).isTrue();
            assertThat(get.at("/responses/503/headers").has("Retry-After")).as(path).isTrue();
        }
        assertThat(queries.at("/paths/~1api~1networks~1{networkId}~1export/get/parameters").findValuesAsText("name"))
                .as("the export reads the log itself").doesNotContain("waitFor");
    }

    @Test
    void swaggerUiIsServedWithoutLoginByBothServices() {
        for (int port : new int[]{tp.commandPort(), tp.queryPort()}) {
            Api.Response redirect = Api.get(port, "/swagger-ui.html", Api.Login.ANONYMOUS);
            assertThat(redirect.status()).isEqualTo(302);
            assertThat(redirect.header("Location")).contains("/swagger-ui/index.html");
            Api.Response page = Api.get(port, "/swagger-ui/index.html", Api.Login.ANONYMOUS);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("swagger-ui");
            assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(Api.get(port, "/api/networks", Api.Login.ANONYMOUS).header("Content-Security-Policy"))
                    .doesNotContain("unsafe-inline");
        }
    }

    private static JsonNode apiDocs(int port) {
        Api.Response response = Api.get(port, "/v3/api-docs", Api.Login.ANONYMOUS);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    private static List<String> unresolvedReferences(JsonNode doc) {
        List<String> unresolved = new ArrayList<>();
        Matcher refs = Pattern.compile("\"\\$ref\":\"#(/[^\"]+)\"").matcher(doc.toString());
        while (refs.find()) {
            if (doc.at(refs.group(1)).isMissingNode()) {
                unresolved.add(refs.group(1));
            }
        }
        return unresolved;
    }
}
