package nl.samenspel.query.health;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import org.bson.Document;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A month's indicators and alerts with how many entries lie behind each value instead of their ids. A network's ten
 * years of months with every id behind every figure ran to megabytes, and an alert that names every success since the
 * founding changes every later month when one success is logged late. The timeline and the charts show counts; the
 * latest month is stored with its ids, and {@code explain} lists the ids of any month.
 */
final class EvidenceCounts {
    private EvidenceCounts() {
    }

    /**
     * The value with every evidence list, also those nested in the figures (each dip-risk driver's evidence), replaced
     * by its size ({@code evidenceCount}) in its place; a value already counted stays as it is.
     */
    static Object counted(Object node) {
        if (node instanceof Map<?, ?> map) {
            Document counted = new Document();
            map.forEach((key, value) -> {
                if ("evidence".equals(key) && value instanceof List<?> ids) {
                    counted.put("evidenceCount", ids.size());
                } else {
                    counted.put((String) key, counted(value));
                }
            });
            return counted;
        }
        if (node instanceof List<?> list && list.stream().anyMatch(item -> item instanceof Map<?, ?>)) {
            return list.stream().map(EvidenceCounts::counted).toList();
        }
        return node;
    }

    /**
     * A writer for {@link #text}: it writes as {@code json} does, except that it does not walk a collection whose items
     * would all be left out (an evidence list, counted instead, or any list inside one). A rule that names every success
     * since the founding (A16) gave every month a list that long, walked id by id only for each id to be dropped.
     */
    static ObjectWriter writer(ObjectMapper json) {
        SimpleModule module = new SimpleModule("evidence-counts");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifyCollectionSerializer(SerializationConfig config, CollectionType valueType,
                                                                BeanDescription description, JsonSerializer<?> serializer) {
                return new Unwalked(serializer);
            }
        });
        return json.copy().registerModule(module).writer();
    }

    /**
     * The JSON text of {@code value} as {@link #counted(Object)} gives it, written in one pass: the value is not built
     * again as maps first, which took longer than writing it (the health of every month of a rebuild goes through here).
     * With a {@link #writer(ObjectMapper)}, lists that are counted are not walked either.
     */
    static byte[] text(ObjectWriter json, Object value) throws IOException {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder()) {
            try (JsonGenerator generator = new Counting(json.createGenerator(bytes))) {
                json.writeValue(generator, value);
            }
            return bytes.toByteArray();
        }
    }

    /** A collection's serializer that, when the collection's items would all be left out, leaves out the walk too. */
    private static final class Unwalked extends JsonSerializer<Object> implements ContextualSerializer, ResolvableSerializer {
        private final JsonSerializer<Object> full;

        @SuppressWarnings("unchecked")
        Unwalked(JsonSerializer<?> full) {
            this.full = (JsonSerializer<Object>) full;
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (generator instanceof Counting counting && counting.dropsNextArray()) {
                // the same calls the full walk would make before and after its (dropped) items
                generator.writeStartArray(value, ((Collection<?>) value).size());
                generator.writeEndArray();
            } else {
                full.serialize(value, generator, provider);
            }
        }

        @Override
        public void serializeWithType(Object value, JsonGenerator generator, SerializerProvider provider,
                                      TypeSerializer types) throws IOException {
            full.serializeWithType(value, generator, provider, types);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Object value) {
            return full.isEmpty(provider, value);
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JsonSerializer<?> contextual = provider.handleSecondaryContextualization(full, property);
            return contextual == full ? this : new Unwalked(contextual);
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (full instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }
    }

    /**
     * Writes {@code "evidenceCount": n} in the place of every {@code "evidence"} array of n items. The field name is
     * held back until its value shows whether it is an array; anything else named evidence is written as it is.
     */
    private static final class Counting extends JsonGeneratorDelegate {
        private boolean named;
        /** How deep inside a counted array the writer is; what is written there is left out. */
        private int skipped;

        Counting(JsonGenerator generator) {
            super(generator, false);
        }

        private boolean skip() {
            return skipped > 0;
        }

        /** Whether an array written next, whatever its size, would be left out: counted, or inside a counted one. */
        boolean dropsNextArray() {
            return skip() || named;
        }

        /** Writes the held-back field name: its value is not a countable array. */
        private void release() throws IOException {
            if (named) {
                named = false;
                delegate.writeFieldName("evidence");
            }
        }

        private boolean countable(int size) throws IOException {
            if (skip()) {
                skipped++;
                return true;
            }
            if (named && size >= 0) {
                named = false;
                delegate.writeFieldName("evidenceCount");
                delegate.writeNumber(size);
                skipped = 1;
                return true;
            }
            release();
            return false;
        }

        @Override
        public void writeFieldName(String name) throws IOException {
            if (skip()) {
                return;
            }
            release();
            if ("evidence".equals(name)) {
                named = true;
            } else {
                delegate.writeFieldName(name);
            }
        }

        @Override
        public void writeFieldName(SerializableString name) throws IOException {
            if (skip()) {
                return;
            }
            release();
            if ("evidence".equals(name.getValue())) {
                named = true;
            } else {
                delegate.writeFieldName(name);
            }
        }

        @Override
        public void writeStartArray(Object forValue, int size) throws IOException {
            if (!countable(size)) {
                delegate.writeStartArray(forValue, size);
            }
        }

        @Override
        public void writeStartArray(Object forValue) throws IOException {
            if (!countable(-1)) {
                delegate.writeStartArray(forValue);
            }
        }

        @Override
        public void writeStartArray() throws IOException {
            if (!countable(-1)) {
                delegate.writeStartArray();
            }
        }

        @Override
        public void writeEndArray() throws IOException {
            if (skip()) {
                skipped--;
                return;
            }
            delegate.writeEndArray();
        }

        @Override
        public void writeStartObject() throws IOException {
            if (!countable(-1)) {
                delegate.writeStartObject();
            }
        }

        @Override
        public void writeStartObject(Object forValue) throws IOException {
            if (!countable(-1)) {
                delegate.writeStartObject(forValue);
            }
        }

        @Override
        public void writeStartObject(Object forValue, int size) throws IOException {
            if (!countable(-1)) {
                delegate.writeStartObject(forValue, size);
            }
        }

        @Override
        public void writeEndObject() throws IOException {
            if (skip()) {
                skipped--;
                return;
            }
            delegate.writeEndObject();
        }

        @Override
        public void writeString(String text) throws IOException {
            if (!skip()) {
                release();
                delegate.writeString(text);
            }
        }

        @Override
        public void writeNumber(int v) throws IOException {
            if (!skip()) {
                release();
                delegate.writeNumber(v);
            }
        }

        @Override
        public void writeNumber(long v) throws IOException {
            if (!skip()) {
                release();
                delegate.writeNumber(v);
            }
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (!skip()) {
                release();
                delegate.writeNumber(v);
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (!skip()) {
                release();
                delegate.writeNumber(v);
            }
        }

        @Override
        public void writeNumber(BigDecimal v) throws IOException {
            if (!skip()) {
                release();
                delegate.writeNumber(v);
            }
        }

        @Override
        public void writeNumber(BigInteger v) throws IOException {
            if (!skip()) {
                release();
                delegate.writeNumber(v);
            }
        }

        @Override
        public void writeBoolean(boolean state) throws IOException {
            if (!skip()) {
                release();
                delegate.writeBoolean(state);
            }
        }

        @Override
        public void writeNull() throws IOException {
            if (!skip()) {
                release();
                delegate.writeNull();
            }
        }
    }

    static Document counted(Document value) {
        return value == null ? null : (Document) counted((Object) value);
    }

    /** Whether a stored month lists the ids behind its values (the latest month, or a month stored before counts). */
    static boolean listed(Document month) {
        if (month.get("indicators") instanceof Document indicators) {
            return indicators.values().stream().anyMatch(v -> v instanceof Document d && d.containsKey("evidence"));
        }
        return false;
    }
}
