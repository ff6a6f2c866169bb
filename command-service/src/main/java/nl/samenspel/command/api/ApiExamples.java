package nl.samenspel.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Example requests for the API description: one realistic body per kind of entry and per other command (in
 * {@code api-examples.json} beside this class; the organisations are fictional), and the import formats. A test reads
 * every entry example the way the API does, so the examples cannot drift from the catalogue.
 */
public final class ApiExamples {
    static final String IMPORT_DESCRIPTION = """
            Logs a whole history file for the network, **all or nothing**. Every line is checked exactly as the entry \
            endpoint would check it, against the network as it would be after the lines before it. Only when every \
            line passes are the entries logged, together in one commit (201, with the event ids, and the `position` \
            and signed `receipt` of the last entry). Otherwise nothing \
            is logged and the answer (400, problem+json) lists every refused line in `lines`: its number, its type \
            and its field-level errors; lines that cannot even be read (bad JSON, unknown type, a value of the wrong \
            kind) are listed the same way. At most 5,000 entries and 1 MiB per file.

            Each line may carry a `commandId`; without one it is derived from the import's command id and the line \
            number, and the id of what the line creates (agreementId, meetingId, ...) is derived from that when left \
            out. A line whose command id was handled before is not logged again (it is answered as replayed). An \
            entry without a `source` gets `import`.

            A field naming a partner (`partnerId`, `partyIds`, `attendance`, ...) takes its name as well as its id:             matched, case and spacing aside, among the network's partners and those lines above let join; of             several partners ever so called, the one taking part on the line's date. A name that matches none, or             still several, refuses the line beside that field. Entries are logged with the ids.

            **JSON Lines** (`application/x-ndjson`): one object per line with `type` (the kind of entry, e.g. \
            `agreement-made`) and the fields the entry endpoint of that kind takes; blank lines are skipped.

            **CSV** (`text/csv`): a header row naming `type`, optionally `commandId`, and the fields; one entry per \
            row. Separated by commas, or by semicolons as Dutch spreadsheets save it. An empty cell leaves the field \
            out, and a filled cell in a column that is not a field of the row's kind is refused. List fields hold \
            their values separated by `;` (quote the cell in a semicolon-separated file); a meeting's `attendance` \
            is written `partnerId:level;partnerId:level`; a correction's `replacement` is a JSON object in its cell. \
            Dates are YYYY-MM-DD (in a semicolon-separated file also day first, as 31-12-2025), decimals use a point (in a semicolon-separated file also a comma, with points \
            between thousands as in 1.250,50; 1.250 there is refused as reading two ways), booleans are true or false. Line numbers count the header as \
            line 1, as a spreadsheet does.""";

    static final String IMPORT_JSON_LINES = """
            {"type":"partner-joined","partnerId":"4a7c2e10-5b3d-4f6a-9c21-7e8d0b1a2c03","name":"Woonstichting Het Lindehof","partnerType":"housing association","participationLevel":"core","occurredOn":"2024-02-01"}
            {"type":"agreement-made","title":"Shared intake for frail elderly people","kind":"promise","partyIds":["4a7c2e10-5b3d-4f6a-9c21-7e8d0b1a2c01","4a7c2e10-5b3d-4f6a-9c21-7e8d0b1a2c03"],"occurredOn":"2024-06-12"}
            {"type":"meeting-held","kind":"formal","modality":"in-person","purpose":"Steering group","attendance":[{"partnerId":"4a7c2e10-5b3d-4f6a-9c21-7e8d0b1a2c03","level":"board"}],"occurredOn":"2024-06-12","source":"minutes"}
            """;

    static final String IMPORT_CSV = """
            type,partnerId,name,partnerType,participationLevel,title,kind,modality,purpose,partyIds,attendance,occurredOn
            partner-joined,4a7c2e10-5b3d-4f6a-9c21-7e8d0b1a2c03,Woonstichting Het Lindehof,housing association,core,,,,,,,2024-02-01
            agreement-made,,,,,Shared intake for frail elderly people,promise,,,4a7c2e10-5b3d-4f6a-9c21-7e8d0b1a2c01;4a7c2e10-5b3d-4f6a-9c21-7e8d0b1a2c03,,2024-06-12
            meeting-held,,,,,,formal,in-person,Steering group,,4a7c2e10-5b3d-4f6a-9c21-7e8d0b1a2c03:board,2024-06-12
            """;

    private static final String RESOURCE = "api-examples.json";

    private ApiExamples() {
    }

    /** {@code {"entries": {wireName: body}, "operations": {"METHOD path": body}}} */
    static JsonNode load(ObjectMapper json) {
        try (InputStream in = ApiExamples.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + ApiExamples.class.getName());
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
