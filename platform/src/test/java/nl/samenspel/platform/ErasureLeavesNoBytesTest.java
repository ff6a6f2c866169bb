package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure leaves nothing behind in the embedded default: after a person is erased and the platform restarted, their
 * name, e-mail and phone number (also as they were before a correction) are in no file of the data directory, in any
 * encoding a store might write a string in, while every event of the network, its hash chain and the reference to the
 * person are all still there.
 */
class ErasureLeavesNoBytesTest {
    private static final String DATABASE = "samenspel";
    private static final String NAME = "Wilhelmina Zwanenburg-Quist";
    private static final String EMAIL = "w.zq@example.org";
    private static final String PHONE = "+31 6 9876 5432";
    private static final String FIRST_PHONE = "+31 20 555 0199";
    private static final List<String> PERSONAL = List.of(NAME, EMAIL, PHONE, FIRST_PHONE);
    private static final List<Charset> ENCODINGS =
            List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    @Test
    void afterErasureAndARestartTheDetailsAreInNoFileWhileTheLogIsWhole(@TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("data");
        int port = freePort();
        String network;
        String personRef;
        String eventsBefore;
        try (TestPlatform tp = new TestPlatform(SamenspelPlatform.openEmbeddedStore(dataDir, port), DATABASE)) {
            network = tp.networkA;
            Api.Response joined = Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", """
                    {"name":"Gemeente Zwanenwater","partnerType":"municipality","participationLevel":"core",
                     "occurredOn":"2024-02-01"}""", tp.coordinator);
            assertThat(joined.status()).as(joined.body()).isEqualTo(201);
            String partner = joined.json().get("subjectId").asText();

            Api.Response registered = Api.post(tp.commandPort(), "/api/networks/" + network + "/people", """
                    {"name":"%s","email":"%s","phone":"%s"}""".formatted(NAME, EMAIL, FIRST_PHONE), tp.coordinator);
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            personRef = registered.json().get("personRef").asText();
            // A correction leaves the first phone number in an older version of the person's document.
            Api.Response corrected = Api.put(tp.commandPort(), "/api/networks/" + network + "/people/" + personRef, """
                    {"name":"%s","email":"%s","phone":"%s"}""".formatted(NAME, EMAIL, PHONE), tp.coordinator);
            assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);

            Api.Response appointed = Api.post(tp.commandPort(), "/api/networks/" + network
                                                                + "/entries/representative-appointed", """
                    {"partnerId":"%s","personRef":"%s","level":"management","role":"Head of social domain",
                     "occurredOn":"2024-02-20"}""".formatted(partner, personRef), tp.coordinator);
            assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
            tp.awaitProjections();
            assertThat(Api.get(tp.queryPort(), "/api/networks/" + network + "/partners", tp.coordinator).body())
                    .contains(NAME);
            assertThat(filesHolding(dataDir, NAME)).as("the store writes the name as it is, so the search means something")
                                                   .isNotEmpty();
            eventsBefore = Api.get(tp.queryPort(), "/api/networks/" + network + "/events?limit=1000", tp.auditor).body();

            assertThat(Api.delete(tp.commandPort(), "/api/networks/" + network + "/people/" + personRef, tp.coordinator)
                          .status()).isEqualTo(204);
        }

        try (TestPlatform tp = new TestPlatform(SamenspelPlatform.openEmbeddedStore(dataDir, port), DATABASE)) {
            assertNoPersonalBytes(dataDir);

            assertThat(Api.get(tp.queryPort(), "/api/networks/" + network + "/events?limit=1000", tp.auditor).body())
                    .as("every event of the network, unchanged").isEqualTo(eventsBefore);
            assertThat(Api.get(tp.queryPort(), "/api/networks/" + network + "/integrity", tp.auditor).json()
                          .get("intact").asBoolean()).isTrue();
            JsonNode people = Api.get(tp.queryPort(), "/api/networks/" + network + "/people", tp.coordinator).json();
            JsonNode person = null;
            for (JsonNode p : people) {
                if (p.get("personRef").asText().equals(personRef)) {
                    person = p;
                }
            }
            assertThat(person).as("the erased person is still known by reference").isNotNull();
            assertThat(person.get("erased").asBoolean()).isTrue();
            assertThat(person.get("displayName").asText()).isEqualTo("erased");
            assertThat(Api.get(tp.queryPort(), "/api/networks/" + network + "/partners", tp.coordinator).body())
                    .contains("erased").doesNotContain(NAME);
        }
        assertNoPersonalBytes(dataDir);
    }

    private static void assertNoPersonalBytes(Path dataDir) throws IOException {
        List<String> leftovers = new ArrayList<>();
        for (String value : PERSONAL) {
            filesHolding(dataDir, value).forEach(file -> leftovers.add(value + " in " + file));
        }
        assertThat(leftovers).as("personal details left in the data directory").isEmpty();
    }

    /** The files under {@code dir} that hold {@code value} in UTF-8 or UTF-16 (either byte order). */
    private static List<String> filesHolding(Path dir, String value) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] content = Files.readAllBytes(file);
                for (Charset encoding : ENCODINGS) {
                    if (indexOf(content, value.getBytes(encoding)) >= 0) {
                        found.add(dir.relativize(file) + " (" + encoding + ")");
                    }
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
