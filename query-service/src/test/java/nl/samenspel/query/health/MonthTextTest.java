package nl.samenspel.query.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import nl.samenspel.health.Alert;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.Severity;
import nl.samenspel.health.Status;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month stored in Smile reads back as exactly the document that parsing its JSON text gives, with the ids behind its
 * values and with their counts; and its JSON text is what the service's mapper writes.
 */
class MonthTextTest {
    private static final UUID NETWORK = UUID.fromString("00000000-0000-0000-0000-0000000000f3");

    @Test
    void everyMonthOfAYearReadsBackFromSmileAsItsJsonTextParses() throws Exception {
        try (HealthFixture fixture = new HealthFixture()) {
            fixture.logAYear(NETWORK);
            List<LoggedEntry> log = fixture.entries(NETWORK, 0, Long.MAX_VALUE - 1);
            List<MonthHealth> months = HealthModel.standard().timeline(log, LocalDate.parse("2026-11-30")).months();
            MonthText json = new MonthText(fixture.json);
            MonthText smile = MonthText.smile(fixture.json);
            long textBytes = 0;
            long smileBytes = 0;
            for (MonthHealth month : months) {
                String plain = fixture.json.writeValueAsString(month);
                assertThat(new String(json.listed(month), StandardCharsets.UTF_8)).as("%s", month.month()).isEqualTo(plain);

                byte[] listed = smile.listed(month);
                assertThat(MonthText.isSmile(listed)).isTrue();
                assertSame(smile.read(listed), Document.parse(plain), month + " with ids");

                byte[] counted = smile.counted(month);
                Document countedText = Document.parse(new String(json.counted(month), StandardCharsets.UTF_8));
                assertSame(smile.read(counted), countedText, month + " with counts");
                assertSame(countedText, EvidenceCounts.counted(Document.parse(plain)), month + " counted as maps");
                textBytes += json.counted(month).length;
                smileBytes += counted.length;
            }
            assertThat(smileBytes).as("Smile against JSON text, counted months").isLessThan(textBytes * 3 / 4);
        }
    }

    @Test
    void numbersReadBackAsTheirJsonTextParses() throws Exception {
        try (HealthFixture fixture = new HealthFixture()) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("int", 7);
            value.put("smallLong", 7L);
            value.put("long", 1L << 40);
            value.put("double", 0.1);
            value.put("whole", 2.0);
            value.put("float", 0.1f);
            value.put("notANumber", Double.NaN);
            value.put("infinite", Double.NEGATIVE_INFINITY);
            value.put("decimal", new BigDecimal("12.5"));
            value.put("date", LocalDate.parse("2026-02-03"));
            value.put("nothing", null);
            List<Object> withNull = new ArrayList<>();
            withNull.add(null);
            withNull.add(true);
            value.put("list", withNull);
            Document text = Document.parse(fixture.json.writeValueAsString(value));
            Document read = MonthText.smile(fixture.json).read(MonthText.smile(fixture.json).listed(value));
            assertSame(read, text, "numbers");
            assertThat(read.get("smallLong")).isInstanceOf(Integer.class);
            assertThat(read.get("long")).isEqualTo(1L << 40);
            assertThat(read.get("float")).isEqualTo(0.1);
            assertThat(read.get("notANumber")).isEqualTo("NaN");
            assertThat(read).doesNotContainKey("nothing");
        }
    }

    @Test
    void mapsKeyedByOtherThanTextReadBackAsTheirJsonTextParses() throws Exception {
        try (HealthFixture fixture = new HealthFixture()) {
            Map<Object, Object> byKind = new LinkedHashMap<>();
            byKind.put(NETWORK, "a network");
            byKind.put(YearMonth.parse("2026-11"), 3);
            byKind.put(Status.WATCH, List.of("x"));
            byKind.put(12, Map.of("nested", LocalDate.parse("2026-02-03")));
            byKind.put("text", true);
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("byKind", byKind);
            value.put("evidence", List.of("a", "b"));
            Document text = Document.parse(fixture.json.writeValueAsString(value));
            MonthText smile = MonthText.smile(fixture.json);
            assertSame(smile.read(smile.listed(value)), text, "keys of other kinds");
            assertSame(new MonthText(fixture.json).read(new MonthText(fixture.json).listed(value)), text,
                       "keys of other kinds, as text");
        }
    }

    @Test
    void aMapperThatOrdersMapsByKeyHasThemWrittenInItsOrder() throws Exception {
        ObjectMapper sorting = Jackson2ObjectMapperBuilder.json()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .featuresToEnable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("d", 2);
        inner.put("c", List.of("x"));
        Map<Object, Object> value = new LinkedHashMap<>();
        value.put("b", 1);
        value.put("a", inner);
        value.put(null, null);
        value.put("evidence", List.of("e1", "e2"));
        Document text = Document.parse(sorting.writeValueAsString(value));
        assertSame(new MonthText(sorting).read(new MonthText(sorting).listed(value)), text, "maps ordered by key");
        MonthText smile = MonthText.smile(sorting);
        assertSame(smile.read(smile.listed(value)), text, "maps ordered by key, in Smile");
        assertThat(smile.read(smile.counted(value)).toJson())
                .isEqualTo("{\"a\": {\"c\": [\"x\"], \"d\": 2}, \"b\": 1, \"evidenceCount\": 2}");
    }

    @Test
    void theServicesMapperMayBeAJsonMapper() {
        // A JsonMapper refuses to be copied onto another format; the months are written in Smile all the same.
        ObjectMapper mapper = JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL)
                                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("month", YearMonth.parse("2026-11"));
        value.put("evidence", List.of("a", "b"));
        MonthText smile = MonthText.smile(mapper);
        assertThat(smile.read(smile.counted(value)).toJson()).isEqualTo("{\"month\": \"2026-11\", \"evidenceCount\": 2}");
    }

    @Test
    void nullsAreLeftOutWhateverTheMapperWouldDo() {
        ObjectMapper withNulls = Jackson2ObjectMapperBuilder.json().serializationInclusion(JsonInclude.Include.ALWAYS)
                                                            .build();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("nothing", null);
        value.put("alert", new Alert("A1", "title", Severity.INFO, null, List.of(), null));
        assertThat(new String(new MonthText(withNulls).listed(value), StandardCharsets.UTF_8))
                .isEqualTo("{\"alert\":{\"id\":\"A1\",\"title\":\"title\",\"severity\":\"INFO\",\"evidence\":[],"
                           + "\"reasons\":[]}}");
    }

    /** Equal as documents (numbers of the same type) and in the same order of fields. */
    private static void assertSame(Document actual, Document expected, String what) {
        assertThat(actual).as(what).isEqualTo(expected);
        assertThat(actual.toJson()).as(what + ", in order").isEqualTo(expected.toJson());
    }
}
