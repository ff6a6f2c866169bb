package nl.samenspel.web.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * Who is signed in to the web application, with the service token obtained at login. The token stays on the server,
 * in the session; the browser only ever holds the session cookie.
 */
public record SignedIn(String username, String token, Instant expiresAt, boolean admin) implements Serializable {

    @Override
    public String toString() {
        return username;
    }
}
