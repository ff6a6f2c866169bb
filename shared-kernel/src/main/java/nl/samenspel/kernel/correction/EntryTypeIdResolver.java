package nl.samenspel.kernel.correction;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import nl.samenspel.kernel.correction.EntryTypes.EntryType;

import java.util.TreeSet;

/**
 * Names the kind of a correction's replacement in JSON by its wire name ({@code "entryType": "agreement-made"}), taken
 * from {@link EntryTypes}, so the kinds are not listed a second time on the field. Declared on the field, it works
 * with every ObjectMapper (Axon's, Spring's, a test's) without registering anything.
 */
public final class EntryTypeIdResolver extends TypeIdResolverBase {
    private JavaType baseType;

    @Override
    public void init(JavaType baseType) {
        this.baseType = baseType;
    }

    @Override
    public String idFromValue(Object value) {
        return idFromValueAndType(value, value.getClass());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        Class<?> type = value != null ? value.getClass() : suggestedType;
        return EntryTypes.of(type).wireName();
    }

    /** Unknown, or a kind no correction replaces: null, so Jackson reports an invalid type id as it always has. */
    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        return EntryTypes.byWireName(id).filter(EntryType::correctable)
                         .map(type -> context.constructSpecializedType(baseType, type.eventClass())).orElse(null);
    }

    @Override
    public String getDescForKnownTypeIds() {
        TreeSet<String> ids = new TreeSet<>();
        EntryTypes.correctable().forEach(type -> ids.add(type.wireName()));
        return ids.toString();
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }
}
