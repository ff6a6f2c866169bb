package nl.samenspel.query.reads;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the streaming processors whose read models an endpoint answers from. Its answers then say which position of
 * the event stream they include ({@code Samenspel-Position}), and it may be asked to wait for a position first
 * ({@code ?waitFor=} or {@code Samenspel-Wait-For}); see {@link ReadYourWrites}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadFrom {

    /** The processing groups (processor names) that build the read models the answer is read from. */
    String[] value();
}
