package nl.samenspel.command.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.history.EffectiveLog;
import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.network.CommandOutcome;
import nl.samenspel.kernel.network.ImportEntries;
import nl.samenspel.kernel.network.ImportOutcome;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.RecordEntry;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.FieldError;
import nl.samenspel.kernel.validation.ImportRejected;
import nl.samenspel.kernel.validation.ImportRejected.RejectedLine;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.support.StrictJson;
import nl.samenspel.support.security.Access;
import nl.samenspel.support.security.Actor;
import nl.samenspel.support.people.PeopleDirectory;
import nl.samenspel.support.security.SecurityProperties;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Bulk import of a network's history from a file (JSON Lines or CSV), all or nothing: every line is checked as if it
 * were sent on its own to the entry endpoint, after the lines before it; only a file without a refused line is
 * logged, in one commit. Otherwise nothing is logged and the answer names every refused line.
 */
@RestController
@RequestMapping("/api/networks/{networkId}/imports")
public class ImportController {
    static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final CommandDispatcher dispatcher;
    private final EventStore events;
    private final EntryReader entries;
    private final Receipts receipts;
    private final ObjectMapper json;
    private final long maxBytes;
    private final int maxEntries;
    private final PeopleDirectory people;

    public ImportController(CommandDispatcher dispatcher, EntryReader entries, Receipts receipts, ObjectMapper json,
                            SecurityProperties security, @Value("${samenspel.imports.max-entries:5000}") int maxEntries,
                            EventStore events, PeopleDirectory people) {
        this.dispatcher = dispatcher;
        this.people = people;
        this.events = events;
        this.entries = entries;
        this.receipts = receipts;
        this.json = StrictJson.of(json);
        this.maxBytes = security.maxRequestBytes();
        this.maxEntries = maxEntries;
    }

    /**
     * The answer to a clean import: how many entries were logged, their event ids, every line's outcome, and (unless
     * only checked) the global position of the last entry with the signed receipt of the log ending there.
     */
    public record ImportAnswer(UUID commandId, UUID networkId, boolean checkOnly, int entries, long logged,
                               List<String> eventIds, List<LineAnswer> lines,
                               @Schema(description = "The global position of the import's last entry (also in the "
                                       + "Samenspel-Position header); send it as ?waitFor= to a query to read the "
                                       + "import back. Absent after dryRun", example = "5120") Long position,
                               @Schema(description = "The signed receipt of the network's log ending at the import's "
                                       + "last entry. Absent after dryRun") Receipts.Receipt receipt) {
    }

    /**
     * One line of a clean import: the logged entry (or, when replayed, the one logged before) and what it created;
     * after a check only ({@code dryRun}), also the entry as the line was read, so that a person can see each row as it
     * would stand in the log before logging it.
     */
    public record LineAnswer(int line, String type, UUID commandId, UUID subjectId, String eventId, boolean replayed,
                             @Schema(description = "With dryRun only: the entry as it would be logged, as the "
                                     + "line was read (partners by id, defaults filled in)") NetworkEvent entry) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Every line passed and the entries were logged",
                 useReturnTypeSchema = true,
                 headers = @Header(name = Receipts.POSITION_HEADER, description = Receipts.POSITION_DESCRIPTION,
                                    schema = @Schema(type = "integer", format = "int64")))
    @ApiResponse(responseCode = "200", description = "dryRun: every line passed; nothing was logged", useReturnTypeSchema = true)
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR)
    @Operation(summary = "Import a history file (JSON Lines or CSV), all or nothing",
            description = ApiExamples.IMPORT_DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"),
                             examples = @ExampleObject(name = "JSON Lines", value = ApiExamples.IMPORT_JSON_LINES)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                             examples = @ExampleObject(name = "CSV", value = ApiExamples.IMPORT_CSV))}))
    public ResponseEntity<ImportAnswer> importFile(
            @PathVariable UUID networkId,
            @Parameter(description = "Makes a resend safe; without it, it is derived from the file's content")
            @RequestParam(required = false) UUID commandId,
            @Parameter(description = "Only check the file: answers 200 with what would be logged, logs nothing")
            @RequestParam(defaultValue = "false") boolean dryRun,
            HttpServletRequest http) throws IOException, HttpMediaTypeNotSupportedException {
        MediaType contentType = contentType(http);
        String text = text(http, contentType);
        List<ImportFile.Line> lines = JSON_LINES.includes(contentType) ? ImportFile.jsonLines(text, json)
                : ImportFile.csv(text, json);
        if (lines.isEmpty()) {
            throw RuleViolation.invalid("body", "holds no entries");
        }
        if (lines.size() > maxEntries) {
            throw RuleViolation.invalid("body", "holds " + lines.size() + " entries; an import may hold at most "
                    + maxEntries + ", so split the file");
        }
        // The same file saved again (other line endings, a blank line more at its end) is the same import.
        UUID importId = commandId != null ? commandId
                : UUID.nameUUIDFromBytes((networkId + "\n" + text.replace("\r\n", "\n").replace('\r', '\n').strip())
                                                 .getBytes(StandardCharsets.UTF_8));
        List<ImportEntries.Line> readable = new ArrayList<>();
        List<RejectedLine> unreadable = new ArrayList<>();
        // lines refused for a name that names nobody, read with stand-ins: the rules check them too
        Map<Integer, ImportEntries.Line> standingIn = new HashMap<>();
        PartnerNames partners = new PartnerNames(() -> standing(networkId));
        ImportKeys keys = new ImportKeys(networkId, () -> people.ofNetwork(networkId));
        Map<String, Integer> seen = new HashMap<>();
        for (ImportFile.Line line : lines) {
            // partners and people named by name, and the sheet's own keys, also in a line some cell of which could
            // not be read: what names none is said with the line's other mistakes, not in a later round
            Checks names = Checks.start();
            if (line.fields() != null) {
                partners.resolve(line.type(), line.fields(), names);
                keys.resolve(line.fields(), names);
            }
            RuleViolation misnamed = names.violation();
            try {
                Supplier<UUID> lineId = misnamed != null ? UUID::randomUUID : commandId != null
                        ? () -> CommandDispatcher.derivedId("import-line-" + line.number(), importId)
                        : byContent(networkId, line, seen);
                ImportEntries.Line entry = entry(networkId, lineId, misnamed == null ? line : standIns(line, misnamed));
                if (misnamed != null) {
                    standingIn.put(line.number(), entry);
                    throw misnamed;
                }
                readable.add(entry);
                partners.joined(entry.entry());
            } catch (RuleViolation refused) {
                unreadable.add(refusedLine(line, misnamed, refused));
            }
        }
        Actor actor = Actor.of(http);
        ImportOutcome outcome;
        try {
            if (!unreadable.isEmpty()) {
                throw rejection(networkId, importId, readable, unreadable, standingIn, actor);
            }
            outcome = dispatcher.dispatch(new ImportEntries(networkId, importId, readable, dryRun), actor);
        } catch (ImportRejected rejected) {
            throw ImportKeys.afterRefusedLines(rejected, lines);
        }
        Optional<Receipts.Written> written = dryRun ? Optional.empty() : receipts.of(lastWritten(outcome));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED);
        written.ifPresent(w -> answer.header(Receipts.POSITION_HEADER, Long.toString(w.position())));
        return answer.body(answer(outcome, readable, written));
    }

    /**
     * A refused line with what it names that is not there ({@code misnamed}, may be null) and what else is wrong with
     * it ({@code refused}): its cells, or its fields as the entry reads them. A field both name is told once, as a name
     * ("no partner is called ..."), not again as the id it could not be turned into.
     */
    private static RejectedLine refusedLine(ImportFile.Line line, RuleViolation misnamed, RuleViolation refused) {
        if (misnamed == null || refused == misnamed) {
            return new RejectedLine(line.number(), line.type(), refused.kind(), refused.errors());
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        misnamed.errors().forEach(error -> named.add(EntryReader.column(error.field())));
        List<FieldError> errors = new ArrayList<>(misnamed.errors());
        refused.errors().stream().filter(error -> !named.contains(EntryReader.column(error.field())))
               .forEach(errors::add);
        return new RejectedLine(line.number(), line.type(), misnamed.kind(), errors);
    }

    /**
     * {@code line} with an id of nobody in place of each name it gives that names nobody, so that reading it finds
     * what else is wrong with it (a date that is no date) rather than stopping at the name again.
     */
    private static ImportFile.Line standIns(ImportFile.Line line, RuleViolation misnamed) {
        if (line.fields() == null) {
            return line;
        }
        ObjectNode fields = line.fields().deepCopy();
        for (FieldError error : misnamed.errors()) {
            String field = error.field();
            int index = field.indexOf('[');
            if (index < 0 && fields.path(field).isTextual()) {
                fields.put(field, NOBODY);
            } else if (index > 0 && fields.get(field.substring(0, index)) instanceof ArrayNode list) {
                int item = Integer.parseInt(field.substring(index + 1, field.indexOf(']', index)));
                if (item < list.size()) {
                    list.set(item, list.textNode(NOBODY));
                }
            }
        }
        return new ImportFile.Line(line.number(), line.type(), fields, line.unreadable());
    }

    private static final String NOBODY = new UUID(0, 0).toString();

    /**
     * The network's partners and people as its log stands now, corrections applied. The whole log from its first
     * entry: reading an aggregate's events by its id alone starts from its latest snapshot, and a long log's partners
     * mostly joined before that.
     */
    private Standing standing(UUID networkId) {
        List<DomainEventMessage<?>> log = events.readEvents(networkId.toString(), 0L).asStream()
                                                .filter(m -> m.getPayload() instanceof NetworkEvent)
                                                .<DomainEventMessage<?>>map(m -> m).toList();
        List<EffectiveLog.Effective> effective = EffectiveLog.of(log, DomainEventMessage::getIdentifier,
                                                                 m -> (NetworkEvent) m.getPayload()).entries();
        return Standing.of(effective, e -> log.get(e.position()).getIdentifier(), EffectiveLog.Effective::content);
    }

    /** A line's entry; an entry that does not say where it comes from was imported. */
    private ImportEntries.Line entry(UUID networkId, Supplier<UUID> lineId, ImportFile.Line line) {
        if (line.unreadable() != null) {
            throw line.unreadable();
        }
        line.fields().putIfAbsent("source", json.getNodeFactory().textNode("import"));
        RecordEntry entry = entries.read(networkId, EntryReader.type(line.type()), line.fields(), lineId);
        return new ImportEntries.Line(line.number(), entry.commandId(), entry.entry());
    }

    /**
     * The command id of a line that names none, in an import that names none either: derived from the network, the
     * line's kind and fields (partners by id, keys in order, however the file wrote them) and how many lines of the
     * file before it hold the same. So a spreadsheet kept up to date and imported again, rows added, logs only the new
     * rows, whatever their place in the file; two identical rows of one file stay two entries. Computed before the
     * fields get their defaults.
     */
    private Supplier<UUID> byContent(UUID networkId, ImportFile.Line line, Map<String, Integer> seen) {
        if (line.fields() == null) {
            return UUID::randomUUID;
        }
        String content;
        try {
            Object fields = json.treeToValue(line.fields(), Object.class);
            content = line.type() + "\n" + CANONICAL.writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return UUID::randomUUID;
        }
        int occurrence = seen.merge(content, 1, Integer::sum);
        UUID id = UUID.nameUUIDFromBytes((networkId + "\n" + content + "\n" + occurrence).getBytes(StandardCharsets.UTF_8));
        return () -> CommandDispatcher.derivedId("import-line", id);
    }

    /** Fields as text with every object's keys in order, so the same content reads the same however it was written. */
    private static final ObjectMapper CANONICAL = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /**
     * The report of a file with unreadable lines: the readable ones are still checked (without logging anything), so
     * the report names every refused line at once. So are the lines refused only for a name that names nobody, with
     * an id of nobody in its place ({@code standingIn}, by line number): what the rules find wrong with them besides
     * (a partner that had not joined yet on the line's date) is said beside the name, where it was said only once the
     * name was put right, in a second round.
     */
    private ImportRejected rejection(UUID networkId, UUID importId, List<ImportEntries.Line> readable,
                                     List<RejectedLine> unreadable, Map<Integer, ImportEntries.Line> standingIn,
                                     Actor actor) {
        List<ImportEntries.Line> checked = new ArrayList<>(readable);
        checked.addAll(standingIn.values());
        checked.sort(java.util.Comparator.comparingInt(ImportEntries.Line::number));
        if (!checked.isEmpty()) {
            try {
                dispatcher.dispatch(new ImportEntries(networkId, importId, checked, true), actor);
            } catch (ImportRejected alsoRefused) {
                return new ImportRejected(merged(alsoRefused.lines(), unreadable, standingIn.keySet()));
            }
        }
        return new ImportRejected(unreadable);
    }

    /**
     * The lines the rules refused with the unreadable ones; a line refused both for a name and by the rules once
     * read with a stand-in is one line, its names' errors first, then the rules' on other fields (the stand-in itself
     * names no partner, so the rules' word on the field it stands in is left out).
     */
    private static List<RejectedLine> merged(List<RejectedLine> byRules, List<RejectedLine> unreadable,
                                             java.util.Set<Integer> standingIn) {
        Map<Integer, RejectedLine> lines = new java.util.TreeMap<>();
        unreadable.forEach(line -> lines.put(line.line(), line));
        for (RejectedLine refused : byRules) {
            RejectedLine named = lines.get(refused.line());
            if (named == null) {
                lines.put(refused.line(), refused);
            } else if (standingIn.contains(refused.line())) {
                java.util.Set<String> said = new java.util.HashSet<>();
                named.errors().forEach(error -> said.add(error.field()));
                List<FieldError> errors = new ArrayList<>(named.errors());
                refused.errors().stream().filter(error -> !said.contains(error.field())).forEach(errors::add);
                lines.put(refused.line(), new RejectedLine(named.line(), named.type(), named.kind(), errors));
            }
        }
        return List.copyOf(lines.values());
    }

    /**
     * The command ids whose entries hold the import's last position: the last line logged now (the new lines are one
     * commit, so it is the highest), or, when every line was logged before, all of them.
     */
    private static List<UUID> lastWritten(ImportOutcome outcome) {
        List<CommandOutcome> fresh = outcome.lines().stream().filter(line -> !line.replayed()).toList();
        return fresh.isEmpty() ? outcome.lines().stream().map(CommandOutcome::commandId).toList()
                               : List.of(fresh.get(fresh.size() - 1).commandId());
    }

    private static ImportAnswer answer(ImportOutcome outcome, List<ImportEntries.Line> lines,
                                       Optional<Receipts.Written> written) {
        List<LineAnswer> answers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ImportEntries.Line line = lines.get(i);
            CommandOutcome result = outcome.lines().get(i);
            answers.add(new LineAnswer(line.number(), EntryTypes.of(line.entry().getClass()).wireName(),
                                       result.commandId(), result.subjectId(), result.eventId(), result.replayed(),
                                       outcome.checkOnly() ? line.entry() : null));
        }
        List<String> logged = outcome.loggedEventIds();
        return new ImportAnswer(outcome.commandId(), outcome.networkId(), outcome.checkOnly(), lines.size(),
                                logged.size(), logged, answers, written.map(Receipts.Written::position).orElse(null),
                                written.map(Receipts.Written::receipt).orElse(null));
    }

    private static MediaType contentType(HttpServletRequest http) throws HttpMediaTypeNotSupportedException {
        List<MediaType> supported = List.of(JSON_LINES, CSV);
        MediaType type = null;
        try {
            type = http.getContentType() == null ? null : MediaType.parseMediaType(http.getContentType());
        } catch (InvalidMediaTypeException e) {
            // answered below, like a missing content type
        }
        for (MediaType candidate : supported) {
            if (type != null && candidate.includes(type)) {
                return type;
            }
        }
        throw new HttpMediaTypeNotSupportedException(type, supported);
    }

    /** The body as text, read up to the size limit (also when no length was announced), in the declared charset. */
    private String text(HttpServletRequest http, MediaType contentType) throws IOException {
        byte[] bytes = http.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                                              "The request body may be at most " + maxBytes + " bytes.");
        }
        Charset charset;
        try {
            charset = contentType.getCharset() != null ? contentType.getCharset() : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException unknown) {
            throw RuleViolation.invalid("Content-Type", "names a charset this server does not know");
        }
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw RuleViolation.invalid("body", "is not valid " + charset.name()
                    + " text; save the file as UTF-8 (\"CSV UTF-8\" in a spreadsheet) or name its charset");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
