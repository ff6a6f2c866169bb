package nl.samenspel.support.security;

import nl.samenspel.kernel.access.NetworkRole;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint. Every API endpoint carries one; an endpoint without it is refused to everyone (and the
 * access-table test fails). For {@link Audience#NETWORK} the caller needs one of {@link #roles()} in the network named
 * by the {@code networkId} path variable, or must be a platform admin when {@link #admin()} is set.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {

    Audience value();

    NetworkRole[] roles() default {};

    boolean admin() default false;

    enum Audience {
        /** No login needed (obtaining a token). */
        PUBLIC,
        /** Any logged-in user; what they see may still be limited to their networks. */
        AUTHENTICATED,
        /** Platform admins only. */
        ADMIN,
        /** A role in the network of the path. */
        NETWORK
    }
}
