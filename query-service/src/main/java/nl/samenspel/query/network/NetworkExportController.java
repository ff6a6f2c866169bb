package nl.samenspel.query.network;

import jakarta.servlet.http.HttpServletResponse;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.query.audit.Checkpoints;
import nl.samenspel.support.security.Access;
import nl.samenspel.verify.Anchor;
import nl.samenspel.verify.ExportFormat;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * A network's log as stored, for verification offline ({@code docs/verification.md}, the {@code verifier} module,
 * {@code tools/verify.py}).
 */
@RestController
@RequestMapping("/api/networks/{networkId}")
public class NetworkExportController {
    static final String MEDIA_TYPE = "application/jsonl";

    private final MongoTemplate mongo;
    private final MongoEventStorageEngine eventStore;
    private final Checkpoints checkpoints;
    private final Clock clock;

    public NetworkExportController(MongoTemplate mongo, MongoEventStorageEngine eventStore, Checkpoints checkpoints,
                                   Clock clock) {
        this.mongo = mongo;
        this.eventStore = eventStore;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /**
     * JSON Lines, streamed: a header, one line per stored event with every hashed field exactly as hashed (pending and
     * placeholder marks included, so tampering shows offline too), then the head recorded apart from the events,
     * then the network's signed monthly checkpoints.
     */
    @GetMapping("/export")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.AUDITOR, NetworkRole.COORDINATOR})
    public void export(@PathVariable UUID networkId, HttpServletResponse response) throws IOException {
        if (mongo.findById(networkId, NetworkView.class) == null) {
            throw RuleViolation.notFound("networkId", "no network with this id");
        }
        String network = networkId.toString();
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"network-" + network + ".jsonl\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        line(out, ExportFormat.header(network, clock.instant().toString()));
        Anchor head = eventStore.scanLog(network, event -> line(out, ExportFormat.event(event)));
        if (head != null) {
            line(out, ExportFormat.anchor(head));
        }
        checkpoints.stored(network).forEach(checkpoint -> line(out, ExportFormat.anchor(checkpoint)));
        out.flush();
    }

    private static void line(Writer out, String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
