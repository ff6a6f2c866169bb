package nl.samenspel.command.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.network.NetworkEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The fingerprint of what a command logs, to tell a resend from a different command that reuses its id: SHA-256 over
 * a canonical JSON form of the entry (its kind, properties and map keys sorted, set members sorted, nulls left out).
 *
 * <p>It depends only on the entry's content, never on how this JVM happens to order a set, so a resend answered by
 * another instance or after a restart is recognised. Being a function of the logged entry, it can also be recomputed
 * from any stored event, which is how events stored before it existed (with a fingerprint over {@code toString()})
 * are judged.
 */
final class CommandFingerprint {
    /** Marks fingerprints of this form in event metadata; older events carry an unmarked one. */
    static final String PREFIX = "sha256:";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(new SortedSetSerializer()))
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private CommandFingerprint() {
    }

    static String of(NetworkEvent entry) {
        return PREFIX + HexFormat.of().formatHex(sha256(canonical(entry).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code stored} (from an event's metadata) is a fingerprint of this form. */
    static boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The entry as canonical JSON, its kind named by its wire name so that no two kinds can share a form. */
    static String canonical(NetworkEvent entry) {
        try {
            return "{\"entry\":" + CANONICAL.writeValueAsString(entry)
                    + ",\"entryType\":\"" + EntryTypes.of(entry.getClass()).wireName() + "\"}";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a set's members in the order of their own canonical form, whatever order the set iterates in. */
    @SuppressWarnings("rawtypes")
    private static final class SortedSetSerializer extends StdSerializer<Set> {
        SortedSetSerializer() {
            super(Set.class);
        }

        @Override
        public void serialize(Set set, JsonGenerator generator, SerializerProvider provider) throws IOException {
            List<String> members = new ArrayList<>(set.size());
            for (Object member : set) {
                members.add(CANONICAL.writeValueAsString(member));
            }
            members.sort(null);
            generator.writeStartArray();
            for (String member : members) {
                generator.writeRawValue(member);
            }
            generator.writeEndArray();
        }
    }
}
