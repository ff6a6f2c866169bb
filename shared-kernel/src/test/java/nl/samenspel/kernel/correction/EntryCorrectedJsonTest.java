package nl.samenspel.kernel.correction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.samenspel.kernel.correction.EntryTypes.EntryType;
import nl.samenspel.kernel.network.NetworkEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A correction names the kind of its replacement in {@code entryType}. Corrections already in the event store were
 * written when the kinds were listed by hand on the field; they must read, and new ones must be written, byte for
 * byte as then. {@code entry-corrected-v1.txt} holds what that list produced for a sample correction of every kind.
 */
class EntryCorrectedJsonTest {
    private static final String STORED = "entry-corrected-v1.txt";
    private static final UUID NETWORK = UUID.fromString("5a3c2f00-0000-4000-8000-000000000001");
    private static final LocalDate ON = LocalDate.of(2024, 3, 1);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Every kind a correction can replace: all but the corrections themselves. */
    static Stream<EntryType> correctable() {
        return EntryTypes.all().stream().filter(t -> t.eventClass() != EntryCorrected.class
                && t.eventClass() != EntryRetracted.class);
    }

    @ParameterizedTest
    @MethodSource("correctable")
    void aCorrectionOfEveryKindIsWrittenAsBefore(EntryType type) throws IOException {
        assertThat(JSON.writeValueAsString(correctionOf(type))).isEqualTo(stored().get(type.wireName()));
    }

    @ParameterizedTest
    @MethodSource("correctable")
    void aStoredCorrectionOfEveryKindReadsAsBefore(EntryType type) throws IOException {
        EntryCorrected read = JSON.readValue(stored().get(type.wireName()), EntryCorrected.class);
        assertThat(read).isEqualTo(correctionOf(type));
        assertThat(read.replacement()).isInstanceOf(type.eventClass());
    }

    @Test
    void everyKindHasAStoredCorrection() throws IOException {
        assertThat(stored().keySet()).containsExactlyInAnyOrderElementsOf(
                correctable().map(EntryType::wireName).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"entry-corrected", "entry-retracted", "no-such-kind", "TemperatureMeasured"})
    void aReplacementOfAnUnknownOrUncorrectableKindIsNotRead(String entryType) {
        String json = """
                {"networkId":"%s","targetEventId":"e1","reason":"typo","replacement":{"entryType":"%s",\
                "networkId":"%s","targetEventId":"e0","reason":"x","occurredOn":"2024-03-01"},\
                "occurredOn":"2024-03-01"}""".formatted(NETWORK, entryType, NETWORK);
        assertThatThrownBy(() -> JSON.readValue(json, EntryCorrected.class)).isInstanceOf(InvalidTypeIdException.class)
                .hasMessageContaining(entryType);
    }

    private static EntryCorrected correctionOf(EntryType type) {
        return new EntryCorrected(NETWORK, "event-17", "the wrong date was logged",
                                  (NetworkEvent) sample(type.eventClass()), ON, null, "corrected after the meeting");
    }

    /** Wire name to the JSON of a correction of that kind, as the hand-written list wrote it. */
    private static Map<String, String> stored() throws IOException {
        Map<String, String> stored = new LinkedHashMap<>();
        try (InputStream in = EntryCorrectedJsonTest.class.getResourceAsStream(STORED)) {
            assertThat(in).as(STORED).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.split("\t", 2);
                    stored.put(parts[0], parts[1]);
                }
            }
        }
        return stored;
    }

    /**
     * Writes {@link #STORED} from the code as it stands: {@code -Dsamenspel.writeStoredCorrections=<file>}. Run once
     * on the code whose output is to be kept.
     */
    @Test
    void writeStoredCorrectionsWhenAsked() throws IOException {
        String target = System.getProperty("samenspel.writeStoredCorrections");
        if (target == null) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (EntryType type : correctable().toList()) {
            out.append(type.wireName()).append('\t').append(JSON.writeValueAsString(correctionOf(type))).append('\n');
        }
        Files.writeString(Path.of(target), out);
    }

    /** A record of {@code type} with a fixed, plausible value in every component, so its JSON is the same each run. */
    static Object sample(Class<?> type) {
        return sample(type, 0);
    }

    /** The {@code index}th element of a list of records (a meeting's attendance) differs from the others. */
    private static Object sample(Class<?> type, int index) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getName(), components[i].getGenericType(), index);
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName(), e);
        }
    }

    private static Object value(String name, Type generic, int index) {
        if (generic instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    list.add(value(name, arguments[0], i));
                }
                return List.copyOf(list);
            }
            if (java.util.Set.class.isAssignableFrom(raw)) {
                LinkedHashSet<Object> set = new LinkedHashSet<>();
                for (int i = 0; i < 2; i++) {
                    set.add(value(name, arguments[0], i));
                }
                return set;
            }
            if (Map.class.isAssignableFrom(raw)) {
                Map<Object, Object> map = new LinkedHashMap<>();
                map.put(value(name, arguments[0], 0), value(name, arguments[1], 0));
                return map;
            }
            throw new IllegalArgumentException("no sample for " + generic);
        }
        Class<?> type = (Class<?>) generic;
        if (type == UUID.class) {
            return UUID.nameUUIDFromBytes((name + index).getBytes(StandardCharsets.UTF_8));
        }
        if (type == String.class) {
            return name + "-" + index;
        }
        if (type == LocalDate.class) {
            return name.equals("occurredOn") ? ON : ON.plusDays(30 + index);
        }
        if (type == int.class || type == Integer.class) {
            return 2 + index;
        }
        if (type == long.class || type == Long.class) {
            return 2L + index;
        }
        if (type == double.class || type == Double.class) {
            return 0.5 + index;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("1250.50");
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[index % constants.length];
        }
        if (type.isRecord()) {
            return sample(type, index);
        }
        throw new IllegalArgumentException("no sample for " + type + " (" + name + ")");
    }
}
