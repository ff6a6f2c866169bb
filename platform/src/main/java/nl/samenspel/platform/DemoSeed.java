package nl.samenspel.platform;

import nl.samenspel.command.api.CommandDispatcher;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.CommandOutcome;
import nl.samenspel.kernel.network.FoundNetwork;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.RecordEntry;
import nl.samenspel.kernel.network.Motive;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.support.security.Actor;
import nl.samenspel.support.security.SamenspelPrincipal;
import nl.samenspel.support.security.UserAccount;
import nl.samenspel.support.security.UserStore;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * First start of the embedded default: demo users with generated passwords (printed once, never stored in clear) and
 * a small demo network they hold roles in. Names are fictional.
 */
final class DemoSeed {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoSeed() {
    }

    /** Seeds when the user store is empty; answers the credentials to print, or an empty map. */
    static Map<String, String> seedIfEmpty(Platform platform) {
        UserStore users = platform.commands().getBean(UserStore.class);
        if (!users.all().isEmpty()) {
            return Map.of();
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        UserAccount admin = create(users, "admin", "Platform admin", true, credentials);
        CommandDispatcher dispatcher = platform.commands().getBean(CommandDispatcher.class);
        Actor asAdmin = new Actor(SamenspelPrincipal.of(admin), "admin");
        UUID commandId = UUID.randomUUID();
        CommandOutcome founded = dispatcher.dispatch(new FoundNetwork(CommandDispatcher.derivedId("network", commandId),
                commandId, "Zorgnetwerk Noorderkwartier", "care", "Noorderkwartier", CollaborationForm.NETWORK,
                "Good care close to home for older residents", LocalDate.now().minusYears(3), null, null), asAdmin);
        UUID network = founded.networkId();
        for (Object[] role : new Object[][]{{"coordinator", NetworkRole.COORDINATOR}, {"steering", NetworkRole.STEERING},
                {"auditor", NetworkRole.AUDITOR}}) {
            UserAccount user = create(users, (String) role[0], "Demo " + role[0], false, credentials);
            users.grant(user.userId(), network, (NetworkRole) role[1]);
        }
        Actor asCoordinator = new Actor(SamenspelPrincipal.of(users.byUsername("coordinator").orElseThrow()), "coordinator");
        String[][] partners = {{"Ziekenhuis Noorderkwartier", "hospital"}, {"Huisartsencoöperatie Noord", "gp-cooperative"},
                {"Gemeente Noorderkwartier", "municipality"}};
        for (String[] partner : partners) {
            dispatcher.dispatch(new RecordEntry(network, UUID.randomUUID(), new PartnerJoined(network, UUID.randomUUID(),
                    partner[0], partner[1], ParticipationLevel.CORE, Set.of(Motive.MORAL),
                    LocalDate.now().minusYears(3).plusDays(14), null, null)), asCoordinator);
        }
        return credentials;
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
