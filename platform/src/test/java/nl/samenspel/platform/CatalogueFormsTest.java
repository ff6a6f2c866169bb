package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.web.api.EntryCatalogue;
import nl.samenspel.web.api.EntryCatalogue.Catalogue;
import nl.samenspel.web.api.EntryCatalogue.Field;
import nl.samenspel.web.api.EntryCatalogue.Kind;
import nl.samenspel.web.pages.EntryForms;
import nl.samenspel.web.pages.LocaleConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entry forms and the catalogue cannot drift apart: the command-service's API description, read from the running
 * platform, holds every kind of entry the shared kernel knows (a network is founded elsewhere); the web application
 * has a form for each, reached from the catalogue page, with a control for every field the description names; and
 * every kind, group, field, help text and enumeration value has words in Dutch and in English.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueFormsTest {
    private DemoWebPlatform demo;
    private Catalogue catalogue;
    private HttpClient coordinator;
    private String network;

    @BeforeAll
    void start() throws Exception {
        demo = new DemoWebPlatform();
        Api.Response description = Api.get(demo.platform.commandPort(), "/v3/api-docs", Api.Login.ANONYMOUS);
        assertThat(description.status()).isEqualTo(200);
        catalogue = EntryCatalogue.parse(description.json());
        for (JsonNode n : demo.query("/api/networks", demo.bearer("coordinator"))) {
            if (n.get("name").asText().equals("Zorgnetwerk Noorderkwartier")) {
                network = n.get("networkId").asText();
            }
        }
        coordinator = login("coordinator", demo.passwords.get("coordinator"));
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void theDescriptionHoldsEveryKindACoordinatorLogsAndEachHasAGroup() {
        List<String> kernel = EntryTypes.all().stream().filter(t -> t.eventClass() != NetworkFounded.class)
                                        .map(EntryTypes.EntryType::wireName).toList();
        assertThat(kernel).hasSize(38);
        assertThat(catalogue.kinds().keySet()).containsExactlyInAnyOrderElementsOf(kernel);
        for (EntryTypes.EntryType type : EntryTypes.all()) {
            catalogue.kind(type.wireName()).ifPresent(kind -> assertThat(kind.group())
                    .as(kind.wireName() + " belongs to its group of domain §3.3").isEqualTo(type.group().key()));
        }
        assertThat(catalogue.groups().keySet()).as("the groups of domain §3.3, in its order").containsExactly(
                "network", "partners", "people", "ambition", "agreements", "exchange", "evaluations", "tension",
                "meetings", "structure", "corrections");
        assertThat(catalogue.kind("meeting-held").orElseThrow().field("attendance").orElseThrow().type())
                .isEqualTo(EntryCatalogue.Type.OBJECT_LIST);
        assertThat(catalogue.kind("temperature-measured").orElseThrow().field("level").orElseThrow().maximum())
                .isEqualByComparingTo("4");
        assertThat(catalogue.kind("agreement-made").orElseThrow().createdIdField()).isEqualTo("agreementId");
    }

    @Test
    void aFieldOffersOnlyTheValuesItsRulesAccept() throws Exception {
        // a status change delivers or withdraws a contribution: "pledged" there was offered and always refused
        assertThat(catalogue.kind("contribution-status-changed").orElseThrow().field("status").orElseThrow().values())
                .containsExactly("delivered", "withdrawn");
        assertThat(catalogue.kind("contribution-recorded").orElseThrow().field("status").orElseThrow().values())
                .containsExactly("pledged", "delivered");
        String form = page("/networks/" + network + "/log/contribution-status-changed");
        assertThat(form).contains("value=\"withdrawn\"").doesNotContain("value=\"pledged\"")
                        .as("its help names the two it offers").contains("Geleverd zoals toegezegd, of ingetrokken.");
    }

    @Test
    void everyKindFieldAndValueHasWordsInBothLanguages() {
        assertThat(EntryForms.missingLabels(catalogue, new LocaleConfiguration().messageSource())).isEmpty();
    }

    @Test
    void aScaleMissingTheWordsOfOneStepInOneLanguageIsFound() {
        MessageSource words = new LocaleConfiguration().messageSource();
        MessageSource withoutOneStep = new MessageSource() {
            @Override
            public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
                return code.equals("scale.ladderStep.3") && locale.getLanguage().equals("nl") ? defaultMessage
                        : words.getMessage(code, args, defaultMessage, locale);
            }

            @Override
            public String getMessage(String code, Object[] args, Locale locale) {
                return words.getMessage(code, args, locale);
            }

            @Override
            public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
                return words.getMessage(resolvable, locale);
            }
        };
        assertThat(EntryForms.missingLabels(catalogue, withoutOneStep))
                .containsExactly("nl scale.ladderStep.3 (conflict-progressed)");
    }

    @Test
    void theOrdinalScalesArePickedByTheWordsOfTheirSteps() throws Exception {
        String temperature = page("/networks/" + network + "/log/temperature-measured?lang=nl");
        assertThat(radios(temperature, "level")).containsExactly(
                "1 \u00b7 Vriendschappelijk aangenaam", "2 \u00b7 Waakzaam", "3 \u00b7 Onenigheid", "4 \u00b7 Conflict");
        String ladder = page("/networks/" + network + "/log/conflict-progressed?lang=en");
        assertThat(radios(ladder, "ladderStep")).containsExactly(
                "1 \u00b7 Anger and blame", "2 \u00b7 Disappointment and worry", "3 \u00b7 Needs and interests",
                "4 \u00b7 Commitment to a solution", "5 \u00b7 Working on a solution");
    }

    @Test
    void aFieldNeededInSomeCasesOnlySaysWhenInsteadOfOptional() throws Exception {
        String english = page("/networks/" + network + "/log/agreement-made?lang=en");
        assertThat(english).contains("Theme of the rule</span><span class=\"optional\"> (only when the kind of agreement is Rule of play)</span>");
        assertThat(page("/networks/" + network + "/log/agreement-made?lang=nl"))
                .contains("Thema van de spelregel</span><span class=\"optional\"> (alleen bij soort afspraak Spelregel)</span>");
        // any other field the catalogue does not require is still optional
        assertThat(english).contains("<span class=\"optional\"> (optional)</span>");
    }

    /** The labels of a form's radio buttons for {@code field}, in their order. */
    private static List<String> radios(String form, String field) {
        List<String> labels = new ArrayList<>();
        Matcher radio = Pattern.compile("<input type=\"radio\" id=\"([^\"]+)\"\\s+name=\"" + field + "\"").matcher(form);
        while (radio.find()) {
            Matcher label = Pattern.compile("<label for=\"" + radio.group(1) + "\">([^<]*)</label>").matcher(form);
            assertThat(label.find()).as("the label of " + radio.group(1)).isTrue();
            labels.add(label.group(1).replace("&middot;", "\u00b7"));
        }
        return labels;
    }

    @Test
    void everyKindHasAFormWithAControlForEachFieldReachedFromTheCatalogue() throws Exception {
        String index = page("/networks/" + network + "/log");
        List<String> problems = new ArrayList<>();
        for (Kind kind : catalogue.kinds().values()) {
            if (!index.contains("data-test=\"kind-" + kind.wireName() + "\"")) {
                problems.add(kind.wireName() + ": not in the catalogue page");
            }
            String form = page("/networks/" + network + "/log/" + kind.wireName());
            if (!form.contains("data-test=\"entry-form-" + kind.wireName() + "\"")) {
                problems.add(kind.wireName() + ": no form");
                continue;
            }
            for (Field field : kind.fields()) {
                boolean drawn = field.type() == EntryCatalogue.Type.ENTRY
                        ? form.contains("data-test=\"field-" + field.name() + "\"")
                        : form.contains("name=\"" + field.name() + "\"")
                                || form.contains("data-test=\"field-" + field.name() + "\"");
                if (!drawn) {
                    problems.add(kind.wireName() + ": no control for " + field.name());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A refused threshold change or new user is answered 400, as a refused entry is: what to put right is shown. */
    @Test
    void aRefusedThresholdChangeAndARefusedNewUserAreAnsweredAsRefusals() throws Exception {
        HttpResponse<String> policy = post(coordinator, "/networks/" + network + "/policy",
                                           "key=dip.energyRatio&value=500&occurredOn=2025-01-01&note=");
        assertThat(policy.statusCode()).isEqualTo(400);
        assertThat(policy.body()).contains("data-test=\"error-summary\"");
        HttpClient admin = login("admin", demo.passwords.get("admin"));
        HttpResponse<String> user = post(admin, "/admin/users", "username=kees%20!&displayName=Kees&password=");
        assertThat(user.statusCode()).isEqualTo(400);
        assertThat(user.body()).contains("data-test=\"error-summary\"");
    }

    /** Posts {@code form} with the CSRF token of the page at {@code path}, as the page's form does. */
    private HttpResponse<String> post(HttpClient session, String path, String form) throws IOException, InterruptedException {
        String page = session.send(HttpRequest.newBuilder(url(path.startsWith("/admin") ? "/admin" : path)).build(),
                                   HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        return session.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                                       .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf.group(1))))
                                       .build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------------------------------------- a session

    private HttpClient login(String username, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                                    .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = http.send(HttpRequest.newBuilder(url("/login")).build(),
                                     HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url("/login"))
                                                           .header("Content-Type", "application/x-www-form-urlencoded")
                                                           .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                                                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return http;
    }

    private String page(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = coordinator.send(HttpRequest.newBuilder(url(path)).build(),
                                                       HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + demo.webPort() + path);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
