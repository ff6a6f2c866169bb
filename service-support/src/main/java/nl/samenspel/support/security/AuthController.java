package nl.samenspel.support.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Obtaining a bearer token, and asking who one is. Present in both services; tokens work in both. */
@RestController
@RequestMapping("/api")
public class AuthController {
    private final AccountAuthenticationProvider passwords;
    private final TokenService tokens;
    private final UserStore users;

    public AuthController(AccountAuthenticationProvider passwords, TokenService tokens, UserStore users) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.users = users;
    }

    public record Credentials(String username, String password) {
    }

    /** Exchanges a username and password for a bearer token. */
    @PostMapping("/auth/token")
    @Access(Access.Audience.PUBLIC)
    public TokenService.IssuedToken token(@RequestBody Credentials credentials) {
        String userId = passwords.authenticate(credentials.username(), credentials.password()).getPrincipal().userId();
        return tokens.issue(users.byId(userId).orElseThrow());
    }

    /** Ends every bearer token issued to the caller so far (log out everywhere); a new one can be asked at once. */
    @PostMapping("/auth/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Access.Audience.AUTHENTICATED)
    public void revokeMyTokens() {
        users.revokeTokens(Actor.currentPrincipal().userId());
    }

    /** The caller, with the roles it holds per network. */
    @GetMapping("/me")
    @Access(Access.Audience.AUTHENTICATED)
    public UserAccount me() {
        return users.byId(Actor.currentPrincipal().userId()).orElseThrow();
    }
}
