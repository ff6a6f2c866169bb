package nl.samenspel.platform.demo;

import nl.samenspel.command.api.CommandDispatcher;
import nl.samenspel.kernel.network.FoundNetwork;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.RecordEntry;
import nl.samenspel.support.security.Actor;

import nl.samenspel.support.people.PeopleDirectory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Logs a demo script through the real command path: the same rules, the same aggregate, the same event store as a
 * coordinator's entries. Command ids are derived from the network and the entry's place, so loading twice logs once.
 */
public final class DemoLoader {
    private DemoLoader() {
    }

    /** Founds the network as {@code admin} and logs every entry as {@code coordinator}; answers the number of entries. */
    public static int load(DemoScript script, CommandDispatcher dispatcher, Actor admin, Actor coordinator) {
        return load(script, dispatcher, admin, coordinator, null);
    }

    /**
     * As {@link #load(DemoScript, CommandDispatcher, Actor, Actor)}, and registers the script's people under their
     * fictional names in {@code directory} (when given), as a coordinator keeps a network's people apart from its log.
     */
    public static int load(DemoScript script, CommandDispatcher dispatcher, Actor admin, Actor coordinator,
                           PeopleDirectory directory) {
        dispatcher.dispatch(new FoundNetwork(script.networkId, commandId(script, -1), script.name, script.sector,
                                             script.region, script.form, script.societalTask, script.foundedOn, null, null),
                            admin);
        if (directory != null) {
            script.people().forEach((personRef, name) -> directory.register(script.networkId, personRef, name, null, null));
        }
        List<NetworkEvent> entries = script.entries();
        for (int i = 0; i < entries.size(); i++) {
            dispatcher.dispatch(new RecordEntry(script.networkId, commandId(script, i), entries.get(i)), coordinator);
        }
        return entries.size();
    }

    private static UUID commandId(DemoScript script, int index) {
        return UUID.nameUUIDFromBytes((script.networkId + ":command:" + index).getBytes(StandardCharsets.UTF_8));
    }
}
