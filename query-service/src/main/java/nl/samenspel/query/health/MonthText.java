package nl.samenspel.query.health;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import nl.samenspel.health.Alert;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.Severity;
import nl.samenspel.health.Status;
import org.bson.Document;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A month's health as the service's {@link ObjectMapper} writes it, in one pass over the value, nulls always left out
 * (as the service's mapper is configured to): with the ids behind every value ({@link #listed}), or with every
 * evidence list, also those nested in the figures, written as its size in its place ({@code "evidenceCount": n}) and
 * not walked ({@link #counted}).
 *
 * <p>The month's records, the figures' maps and lists, text, numbers and booleans are written straight to Jackson's
 * generator; anything else is first turned into those by the mapper itself ({@code convertValue}), so it comes out as
 * the mapper would write it. Made for {@link #smile}: the mapper's configuration with Jackson's binary JSON (Smile),
 * which names each field once per month and each repeated short text (a partner's id and name in every cell of the
 * per-partner figures) once, and reads back without parsing text. Over the demo networks' months that is half the
 * bytes of the JSON text, written in a little less time and read in a fifth of what parsing the text takes
 * ({@code HealthBenchmark} prints these figures; {@code MonthTextTest} holds the months read back to what parsing their
 * JSON text gives).
 */
public final class MonthText {
    private static final String EVIDENCE = "evidence";
    /** How Smile data begins (its header); JSON text cannot begin so. */
    private static final byte[] SMILE_HEADER = {':', ')', '\n'};

    /** The service's mapper: how it writes (its configuration) and, for a value of another kind, what it writes. */
    private final ObjectMapper json;
    /** The format written and read, when not the mapper's own (JSON text). */
    private final JsonFactory format;
    /** Dates as ISO text, as the service's mapper writes them; otherwise the mapper writes them. */
    private final boolean datesAsText;
    /** Map entries in their own order, as the service's mapper writes them; otherwise the mapper orders them. */
    private final boolean mapsInOrder;
    /** Enums by name, as the service's mapper writes them; otherwise the mapper writes them. */
    private final boolean enumsByName;

    /** Months as JSON text, as {@code json} writes them. */
    public MonthText(ObjectMapper json) {
        this(json, null);
    }

    private MonthText(ObjectMapper json, JsonFactory format) {
        this.json = json;
        this.format = format;
        this.datesAsText = !json.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.mapsInOrder = !json.isEnabled(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.enumsByName = !json.isEnabled(SerializationFeature.WRITE_ENUMS_USING_INDEX)
                && !json.isEnabled(SerializationFeature.WRITE_ENUMS_USING_TO_STRING);
    }

    /**
     * Months in Smile, as {@code json} would write them in that format, with repeated short texts written once. (The
     * mapper is not copied onto Smile: a {@code JsonMapper} refuses to be.)
     */
    public static MonthText smile(ObjectMapper json) {
        return new MonthText(json, SmileFactory.builder()
                                               .enable(SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES)
                                               .build());
    }

    /** Whether {@code bytes} are Smile data, as {@link #smile} writes it, rather than JSON text. */
    public static boolean isSmile(byte[] bytes) {
        return bytes.length >= SMILE_HEADER.length && bytes[0] == SMILE_HEADER[0] && bytes[1] == SMILE_HEADER[1]
                && bytes[2] == SMILE_HEADER[2];
    }

    /** The value with the ids behind every value, as the API shows the latest month. */
    public byte[] listed(Object value) {
        return write(value, false);
    }

    /** The value with every evidence list written as its size ({@code evidenceCount}), as earlier months are stored. */
    public byte[] counted(Object value) {
        return write(value, true);
    }

    /**
     * A month written by this, as the document that parsing its JSON text would give ({@link Document#parse}): objects
     * as documents, whole numbers as {@code Integer} where they fit and {@code Long} where not, other numbers as
     * {@code Double}, and a number that is not finite as the text JSON gives it.
     */
    public Document read(byte[] bytes) {
        try (JsonParser in = format == null ? json.createParser(bytes) : format.createParser(bytes)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("Stored health is not an object");
            }
            return object(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read stored health", e);
        }
    }

    private byte[] write(Object value, boolean counted) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder()) {
            try (JsonGenerator out = format == null ? json.createGenerator(bytes, JsonEncoding.UTF8)
                    : format.createGenerator(bytes, JsonEncoding.UTF8)) {
                write(out, value, counted);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write health", e);
        }
    }

    private void write(JsonGenerator out, Object value, boolean counted) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long number) {
            out.writeNumber(number.longValue());
        } else if (value instanceof Double number) {
            out.writeNumber(number.doubleValue());
        } else if (value instanceof Float number) {
            out.writeNumber(number.floatValue());
        } else if (value instanceof BigDecimal number) {
            out.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            out.writeNumber(number);
        } else if (value instanceof Boolean state) {
            out.writeBoolean(state);
        } else if (value instanceof Map<?, ?> map) {
            // In the mapper's order: the map's own, or, where the mapper orders entries by key, as it orders them
            Map<?, ?> ordered = mapsInOrder ? map : json.convertValue(map, Map.class);
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : ordered.entrySet()) {
                // a null is left out before its key is named, as the mapper leaves it out
                if (entry.getValue() != null) {
                    field(out, entry.getKey() instanceof String name ? name : keyName(entry.getKey()), entry.getValue(),
                          counted);
                }
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                write(out, item, counted);
            }
            out.writeEndArray();
        } else if (value instanceof MonthHealth month) {
            out.writeStartObject();
            field(out, "month", month.month(), counted);
            field(out, "asOf", month.asOf(), counted);
            field(out, "indicators", month.indicators(), counted);
            field(out, "alerts", month.alerts(), counted);
            field(out, "provisional", month.provisional(), counted);
            out.writeEndObject();
        } else if (value instanceof IndicatorValue indicator) {
            out.writeStartObject();
            field(out, "id", indicator.id(), counted);
            field(out, "name", indicator.name(), counted);
            field(out, "status", indicator.status(), counted);
            field(out, "figures", indicator.figures(), counted);
            field(out, EVIDENCE, indicator.evidence(), counted);
            out.writeEndObject();
        } else if (value instanceof Alert alert) {
            out.writeStartObject();
            field(out, "id", alert.id(), counted);
            field(out, "title", alert.title(), counted);
            field(out, "severity", alert.severity(), counted);
            field(out, "detail", alert.detail(), counted);
            field(out, EVIDENCE, alert.evidence(), counted);
            field(out, "suggestedResponse", alert.suggestedResponse(), counted);
            field(out, "reasons", alert.reasons(), counted);
            out.writeEndObject();
        } else if (value instanceof Alert.Reason reason) {
            out.writeStartObject();
            field(out, "code", reason.code(), counted);
            field(out, "args", reason.args(), counted);
            out.writeEndObject();
        } else if (enumsByName && (value instanceof Status || value instanceof Severity)) {
            out.writeString(((Enum<?>) value).name());
        } else if (datesAsText && (value instanceof YearMonth || value instanceof LocalDate)) {
            out.writeString(value.toString());
        } else {
            Object plain = json.convertValue(value, Object.class);
            if (plain != null && plain.getClass() == value.getClass()) {
                throw new IllegalStateException("Cannot write a " + value.getClass().getName() + " in health");
            }
            write(out, plain, counted);
        }
    }

    /** A map key of another kind than text, named as the mapper names it (the figures' maps are keyed by text). */
    private String keyName(Object key) {
        return (String) json.convertValue(Collections.singletonMap(key, Boolean.TRUE), Map.class).keySet().iterator()
                            .next();
    }

    /** One field of an object, left out when null; an evidence list as its count when counting. */
    private void field(JsonGenerator out, String name, Object value, boolean counted) throws IOException {
        if (value == null) {
            return;
        }
        if (counted && EVIDENCE.equals(name) && value instanceof Collection<?> ids) {
            out.writeFieldName("evidenceCount");
            out.writeNumber(ids.size());
            return;
        }
        out.writeFieldName(name);
        write(out, value, counted);
    }

    /** The object whose start the parser is at, up to its end. */
    private static Document object(JsonParser in) throws IOException {
        Document object = new Document();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            in.nextToken();
            object.put(name, value(in));
        }
        return object;
    }

    private static Object value(JsonParser in) throws IOException {
        return switch (in.currentToken()) {
            case START_OBJECT -> object(in);
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(in));
                }
                yield items;
            }
            case VALUE_STRING -> in.getText();
            case VALUE_NUMBER_INT -> {
                if (in.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    yield in.getDoubleValue();
                }
                long number = in.getLongValue();
                yield number == (int) number ? (Object) (int) number : (Object) number;
            }
            case VALUE_NUMBER_FLOAT -> {
                // as its JSON text would be read: a float by its shortest decimal form, a number not finite as text
                double number = in.getNumberType() == JsonParser.NumberType.FLOAT
                        ? Double.parseDouble(Float.toString(in.getFloatValue())) : in.getDoubleValue();
                yield Double.isFinite(number) ? (Object) number : String.valueOf(number);
            }
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> throw new IllegalStateException("Unexpected " + in.currentToken() + " in stored health");
        };
    }
}
