package nl.samenspel.support;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import nl.samenspel.kernel.Limits;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * How what a client sends is read: strictly, so that a mistake is refused with the field named instead of logged as
 * something else. An unknown (misspelt) field, a key given twice, a fractional number for a whole one, a value of
 * another kind than the field's (a number for a text, a text or a number for a yes/no, a text for a number), an empty
 * text or list for an id or a date, a date-time or a day number for a date, and anything after the JSON value are
 * refused.
 *
 * <p>Only request bodies are read this way. Spring's own ObjectMapper, which Axon's serializer also uses to read the
 * stored history back, stays lenient: events logged under an older shape must stay readable.
 */
public final class StrictJson {
    /** Exactly {@code YYYY-MM-DD}; ISO's default would also take a date-time and drop its time. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
                                                                   .withResolverStyle(ResolverStyle.STRICT);

    private StrictJson() {
    }

    /** A strict copy of {@code base}: same modules and output, strict input. {@code base} is left as it is. */
    public static ObjectMapper of(ObjectMapper base) {
        ObjectMapper strict = base.copy();
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                      DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
              .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
              .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // A value of another kind is not turned into the field's kind: 123 for a title, 1 or "true" for a yes/no, "2"
        // for a number, 2 for a choice, "" or [] for an id or a date (read as left out) are refused. Taken before,
        // "admin": 1 made a platform admin.
        strict.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // a number with a fraction is read exactly, not rounded through a double on its way into a tree
        strict.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        strict.coercionConfigDefaults().setAcceptBlankAsEmpty(true)
              .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strict.registerModule(new SimpleModule("samenspel-strict-dates")
                                      .addDeserializer(LocalDate.class, new Dates())
                                      .addDeserializer(java.math.BigDecimal.class, new Amounts()));
        strict.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        return strict;
    }

    /**
     * A date as its text only: {@code [2024,5,1]} or {@code []} is not a date here (the time module takes both). Wraps
     * the time module's reader as configured for the field, so its strict format stays.
     */
    static final class Dates extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<LocalDate>
            implements com.fasterxml.jackson.databind.deser.ContextualDeserializer {
        private final com.fasterxml.jackson.databind.JsonDeserializer<?> text;

        Dates() {
            this(new LocalDateDeserializer(DATE));
        }

        private Dates(com.fasterxml.jackson.databind.JsonDeserializer<?> text) {
            super(LocalDate.class);
            this.text = text;
        }

        @Override
        public com.fasterxml.jackson.databind.JsonDeserializer<?> createContextual(
                com.fasterxml.jackson.databind.DeserializationContext ctxt, com.fasterxml.jackson.databind.BeanProperty property)
                throws com.fasterxml.jackson.databind.JsonMappingException {
            return text instanceof com.fasterxml.jackson.databind.deser.ContextualDeserializer contextual
                    ? new Dates(contextual.createContextual(ctxt, property)) : this;
        }

        @Override
        public LocalDate deserialize(JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            if (p.isExpectedStartArrayToken() || p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            return (LocalDate) text.deserialize(p, ctxt);
        }
    }

    /**
     * An amount or quantity of at most {@link Limits#WHOLE_DIGITS} digits before the point and
     * {@link Limits#FRACTION_DIGITS} after: {@code 1e-10000000} is a short text, but its ten million digits were written
     * out where it was stored and read, and held the health of its networks for minutes.
     */
    static final class Amounts extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<java.math.BigDecimal> {
        Amounts() {
            super(java.math.BigDecimal.class);
        }

        @Override
        public java.math.BigDecimal deserialize(JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            java.math.BigDecimal value = com.fasterxml.jackson.databind.deser.std.NumberDeserializers.BigDecimalDeserializer
                    .instance.deserialize(p, ctxt);
            if (value != null && !Limits.fits(value)) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(p, Limits.DIGITS, p.getText(),
                                                                                      java.math.BigDecimal.class);
            }
            return value;
        }
    }

    /** Gives the JSON message converters of Spring MVC a strict copy of their mapper, for every request body. */
    public static class RequestBodies implements WebMvcConfigurer {
        @Override
        public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
            for (HttpMessageConverter<?> converter : converters) {
                if (converter instanceof MappingJackson2HttpMessageConverter json) {
                    json.setObjectMapper(of(json.getObjectMapper()));
                }
            }
        }
    }
}
