package nl.samenspel.platform;

import nl.samenspel.command.api.CommandDispatcher;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.platform.demo.DemoLoader;
import nl.samenspel.platform.demo.DemoNetworks;
import nl.samenspel.platform.demo.DemoScript;
import nl.samenspel.support.security.Actor;
import nl.samenspel.support.security.SamenspelPrincipal;
import nl.samenspel.support.security.SecurityProperties;
import nl.samenspel.support.security.UserAccount;
import nl.samenspel.support.security.UserStore;
import org.springframework.context.ConfigurableApplicationContext;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * First start of the embedded default: demo users with generated passwords (printed once, never stored in clear) and
 * the four demo networks of domain.md §7, in which the demo users hold their roles. Names are fictional.
 */
final class DemoSeed {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long SEED = 2026;

    private DemoSeed() {
    }

    /** Seeds when the user store is empty; answers the credentials to print, or an empty map. */
    static Map<String, String> seedIfEmpty(Platform platform) {
        return seedIfEmpty(platform.commands());
    }

    /**
     * Seeds through the command-service's context when its user store is empty and no first admin is configured (that
     * admin is made instead, and then the store is not empty); answers the credentials to print.
     */
    static Map<String, String> seedIfEmpty(ConfigurableApplicationContext commands) {
        UserStore users = commands.getBean(UserStore.class);
        if (!users.all().isEmpty() || adminConfigured(commands.getBean(SecurityProperties.class))) {
            return Map.of();
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        UserAccount admin = create(users, "admin", "Platform admin", true, credentials);
        Map<NetworkRole, UserAccount> members = new LinkedHashMap<>();
        for (NetworkRole role : NetworkRole.values()) {
            members.put(role, create(users, role.wireName(), "Demo " + role.wireName(), false, credentials));
        }
        CommandDispatcher dispatcher = commands.getBean(CommandDispatcher.class);
        Actor asAdmin = new Actor(SamenspelPrincipal.of(admin), "admin");
        Actor asCoordinator = new Actor(SamenspelPrincipal.of(members.get(NetworkRole.COORDINATOR)), "coordinator");
        List<DemoScript> scripts = DemoNetworks.all(LocalDate.now(), SEED);
        for (DemoScript script : scripts) {
            members.forEach((role, user) -> users.grant(user.userId(), script.networkId, role));
        }
        for (DemoScript script : scripts) {
            DemoLoader.load(script, dispatcher, asAdmin, asCoordinator,
                            commands.getBean(nl.samenspel.support.people.PeopleDirectory.class));
        }
        return credentials;
    }

    /** Whether the settings name a first admin the services will create (as AdminBootstrap requires). */
    private static boolean adminConfigured(SecurityProperties settings) {
        return settings.adminUsername() != null && !settings.adminUsername().isBlank()
                && settings.adminPassword() != null && settings.adminPassword().length() >= 12;
    }

    private static UserAccount create(UserStore users, String username, String displayName, boolean admin,
                                      Map<String, String> credentials) {
        String password = password();
        credentials.put(username, password);
        return users.create(username, displayName, password, admin);
    }

    static String password() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
