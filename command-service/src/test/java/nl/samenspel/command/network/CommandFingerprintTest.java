package nl.samenspel.command.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.samenspel.command.api.EntryReader;
import nl.samenspel.kernel.health.HealthPolicyChanged;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.RecordEntry;
import nl.samenspel.kernel.tension.Signal;
import nl.samenspel.kernel.tension.TemperatureMeasured;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command's fingerprint depends on its content only: not on the order in which this JVM iterates a set or a map,
 * and not on whether the entry came from a request or was read back from the store.
 */
class CommandFingerprintTest {
    private static final UUID NETWORK = UUID.randomUUID();
    /** How the command-service stores events (Spring's mapper: ISO dates, nulls left out). */
    private static final ObjectMapper STORED = new ObjectMapper().registerModule(new JavaTimeModule())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static TemperatureMeasured reading(Set<Signal> signals) {
        return new TemperatureMeasured(NETWORK, List.of(UUID.nameUUIDFromBytes(new byte[]{1}), UUID.nameUUIDFromBytes(new byte[]{2})),
                                       3, signals, LocalDate.of(2025, 3, 5), null, null);
    }

    /**
     * Two JVMs iterate the same hash set of enum constants in different orders (their hash codes are identities), as
     * a request read after a restart does; two insertion orders of a linked set stand for that here.
     */
    @Test
    void aSetFingerprintsAlikeInWhateverOrderItIterates() throws Exception {
        Set<Signal> one = new LinkedHashSet<>(List.of(Signal.GUARDEDNESS, Signal.AVOIDED_TOPICS, Signal.DEFENSIVENESS));
        Set<Signal> other = new LinkedHashSet<>(List.of(Signal.DEFENSIVENESS, Signal.GUARDEDNESS, Signal.AVOIDED_TOPICS));

        assertThat(CommandFingerprint.of(reading(one))).isEqualTo(CommandFingerprint.of(reading(other)));
        assertThat(CommandFingerprint.of(reading(one)))
                .isNotEqualTo(CommandFingerprint.of(reading(Set.of(Signal.GUARDEDNESS, Signal.AVOIDED_TOPICS))));
        // What the fingerprint was before: over toString(), so these two differed and the resend was refused.
        UUID commandId = UUID.randomUUID();
        assertThat(toStringFingerprint(new RecordEntry(NETWORK, commandId, reading(one))))
                .isNotEqualTo(toStringFingerprint(new RecordEntry(NETWORK, commandId, reading(other))));
    }

    @Test
    void mapKeysFingerprintAlikeInWhateverOrderTheyCame() {
        Map<String, Double> one = new LinkedHashMap<>();
        one.put("evaluation.cadenceDays", 180.0);
        one.put("agreements.overdueDays", 30.0);
        Map<String, Double> other = new LinkedHashMap<>();
        other.put("agreements.overdueDays", 30.0);
        other.put("evaluation.cadenceDays", 180.0);
        LocalDate on = LocalDate.of(2025, 1, 1);

        assertThat(CommandFingerprint.of(new HealthPolicyChanged(NETWORK, one, on, null, null)))
                .isEqualTo(CommandFingerprint.of(new HealthPolicyChanged(NETWORK, other, on, null, null)));
    }

    /** So that a resend of an entry logged by an older version (without a canonical fingerprint) is still recognised. */
    @TestFactory
    Stream<DynamicTest> everyKindFingerprintsAlikeWhenReadBackFromTheStore() throws IOException {
        JsonNode examples;
        try (InputStream in = getClass().getResourceAsStream("/nl/samenspel/command/api/api-examples.json")) {
            examples = STORED.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get("entries");
        }
        EntryReader reader = new EntryReader(STORED);
        return StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) examples::fields).spliterator(), false)
                .map(example -> DynamicTest.dynamicTest(example.getKey(), () -> {
                    NetworkEvent entry = reader.read(NETWORK, EntryReader.type(example.getKey()),
                                                     example.getValue().deepCopy(), UUID::randomUUID).entry();
                    NetworkEvent stored = STORED.readValue(STORED.writeValueAsString(entry), entry.getClass());

                    assertThat(CommandFingerprint.of(stored)).isEqualTo(CommandFingerprint.of(entry))
                                                             .startsWith(CommandFingerprint.PREFIX);
                }));
    }

    private static String toStringFingerprint(Object command) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(command.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
