package nl.samenspel.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.samenspel.kernel.correction.EntryTypes.EntryType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of entry has an example in the API description, and each example reads, strictly (no unknown field),
 * into its kind exactly as the entry endpoint reads a body; so the examples cannot drift from the catalogue.
 */
class ApiExamplesTest {
    private static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule());

    @TestFactory
    Stream<DynamicTest> everyKindHasAnExampleThatTheEntryEndpointReads() {
        JsonNode examples = ApiExamples.load(STRICT).path("entries");
        EntryReader reader = new EntryReader(STRICT);
        return EntryTypeDocumentation.documentedTypes().stream().map(EntryType::wireName).map(type ->
                DynamicTest.dynamicTest(type, () -> {
                    JsonNode example = examples.get(type);
                    assertThat(example).as("example for " + type).isNotNull();
                    var entry = reader.read(UUID.randomUUID(), EntryReader.type(type), example.deepCopy(),
                                            UUID::randomUUID);
                    assertThat(entry.entry()).isInstanceOf(EntryReader.type(type).eventClass());
                }));
    }
}
