package nl.samenspel.kernel.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Every text of a record (and of the small records and lists it holds) can be stored as free text
 * ({@link Text#freeTextProblem(String)}). Put on a type, it covers text fields that nobody remembered to annotate;
 * fields marked {@link Name} are left to that stricter rule. A nested record that carries this constraint itself (an
 * entry inside a correction) is validated on its own and skipped here.
 */
@Documented
@Constraint(validatedBy = StoredText.Check.class)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface StoredText {
    String message() default "holds text that cannot be stored";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Walks the record's components and reports each text that cannot be stored, under its own field name. */
    class Check implements ConstraintValidator<StoredText, Object> {
        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            return value == null || !value.getClass().isRecord() || components(value, "", context);
        }

        private static boolean components(Object record, String path, ConstraintValidatorContext context) {
            boolean valid = true;
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.isAnnotationPresent(Name.class)) {
                    continue;
                }
                Object value;
                try {
                    value = component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                valid &= value(value, path + component.getName(), context);
            }
            return valid;
        }

        private static boolean value(Object value, String path, ConstraintValidatorContext context) {
            if (value instanceof String text) {
                String problem = Text.freeTextProblem(text);
                if (problem != null) {
                    context.buildConstraintViolationWithTemplate(problem).addPropertyNode(path).addConstraintViolation();
                    return false;
                }
                return true;
            }
            boolean valid = true;
            if (value instanceof Collection<?> items) {
                int index = 0;
                for (Object item : items) {
                    valid &= value(item, path + "[" + index++ + "]", context);
                }
            } else if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    valid &= value(entry.getKey(), path, context);
                    valid &= value(entry.getValue(), path + "." + entry.getKey(), context);
                }
            } else if (value != null && value.getClass().isRecord()
                    && !value.getClass().isAnnotationPresent(StoredText.class)
                    && !hasStoredTextInterface(value.getClass())) {
                valid &= components(value, path + ".", context);
            }
            return valid;
        }

        private static boolean hasStoredTextInterface(Class<?> type) {
            for (Class<?> implemented : type.getInterfaces()) {
                if (implemented.isAnnotationPresent(StoredText.class)) {
                    return true;
                }
            }
            return false;
        }
    }
}
