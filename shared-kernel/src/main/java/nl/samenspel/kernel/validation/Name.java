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

/**
 * A name or title: one line of well-formed text without control, bidirectional or zero-width characters
 * ({@link Text#nameProblem(String)}). Free text in the same entry is checked by {@link StoredText}.
 */
@Documented
@Constraint(validatedBy = Name.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Name {
    String message() default "is not a valid name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports the exact problem, so the coordinator knows which character to remove. */
    class Check implements ConstraintValidator<Name, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = Text.nameProblem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
