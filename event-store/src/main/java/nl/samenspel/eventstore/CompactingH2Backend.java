package nl.samenspel.eventstore;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;

/**
 * The H2 backend of the on-disk store, answering MongoDB's {@code compact} command, which the wire server does not
 * know. MongoDB rewrites a collection's data in place; here the whole file is rewritten with live data only, which
 * needs the store closed, so the command marks the compaction as due and it happens when the store is next closed
 * cleanly or, after a crash, before it is next opened ({@link StoreCompaction}).
 */
final class CompactingH2Backend extends H2Backend {
    private final Path file;

    CompactingH2Backend(MVStore store, Path file) {
        super(store);
        this.file = file;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!command.equalsIgnoreCase("compact")) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        StoreCompaction.request(file);
        Document reply = new Document("compactionDue", Boolean.TRUE);
        Utils.markOkay(reply);
        return reply;
    }
}
