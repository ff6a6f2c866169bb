package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import nl.samenspel.eventstore.HashChain;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.eventstore.StoredEvent;
import nl.samenspel.verify.Anchor;
import nl.samenspel.verify.Main;
import nl.samenspel.verify.Signatures;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Someone with direct access to the store tampers with a network's log in each way an insider could; the integrity
 * answer, the standalone verifier and the Python verifier (written from {@code docs/verification.md} alone) all find
 * the same first bad event and the same kind of break in the export, and reads do not skip past a hole. The figures
 * the pages read, stored apart from the log, are checked against it as well.
 */
class AuditExportTest {
    private static final Path PYTHON_VERIFIER = Path.of("").toAbsolutePath().getParent().resolve("tools/verify.py");
    private static TestPlatform tp;
    private static MongoClient client;
    private static MongoCollection<Document> events;
    private static MongoCollection<Document> heads;
    private static MongoCollection<Document> checkpoints;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        // no grace for entries left out of the figures: the figures check says so at once
        tp = new TestPlatform("--samenspel.integrity.figures-grace=0s");
        client = MongoClients.create(tp.store.uri("samenspel-it"));
        events = client.getDatabase("samenspel-it").getCollection("events");
        heads = client.getDatabase("samenspel-it").getCollection("heads");
        checkpoints = client.getDatabase("samenspel-it").getCollection("checkpoints");
    }

    @AfterAll
    static void stop() {
        client.close();
        tp.close();
    }

    /** The verdict of all three, reduced to what they must agree on. */
    record Verdict(boolean intact, Long sequence, String kind, long eventsChecked) {
        static Verdict of(JsonNode json) {
            // The verifiers print every member; the integrity answer leaves nulls out and names them its own way.
            JsonNode sequence = json.has("sequence") ? json.get("sequence") : json.path("brokenAtSequence");
            JsonNode kind = json.has("kind") ? json.get("kind") : json.path("breakKind");
            return new Verdict(json.get("intact").asBoolean(), sequence.isNumber() ? sequence.asLong() : null,
                               kind.isTextual() ? kind.asText() : null, json.get("eventsChecked").asLong());
        }
    }

    @Test
    void anUntouchedLogVerifiesEverywhere() throws Exception {
        String network = networkWithEntries("Alliantie Ongeschonden");
        Verdict verdict = allAgree(network);
        assertThat(verdict).isEqualTo(new Verdict(true, null, null, 8));
    }

    /**
     * Verified without the platform's key, a log says beside INTACT that its signatures were not checked (both
     * verifiers): a log rewritten with fresh hashes passes then too, and INTACT alone read as if they had been.
     */
    @Test
    void aLogVerifiedWithoutTheKeySaysItsSignaturesWereNotChecked() throws Exception {
        Path export = export(networkWithEntries("Alliantie Zonder Sleutel"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {export.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("INTACT");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no --public-key given")
                                                         .contains("signed checkpoints and seals were not checked");
        Path key = publicKeyFile();
        ByteArrayOutputStream keyed = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {export.toString(), "--public-key", key.toString()},
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                            new PrintStream(keyed, true, StandardCharsets.UTF_8))).isZero();
        assertThat(keyed.toString(StandardCharsets.UTF_8)).as("with the key, nothing to note").isEmpty();
        Assumptions.assumeTrue(python3Available(), "python3 is not on the PATH: the Python verifier was not run");
        Process python = new ProcessBuilder("python3", PYTHON_VERIFIER.toString(), export.toString()).start();
        String note = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(note).contains("no --public-key given").contains("signed checkpoints and seals were not checked");
    }

    @Test
    void anEditedPayloadFieldIsFoundAtThatEvent() throws Exception {
        String network = networkWithEntries("Alliantie Bewerkt");
        set(network, 3, "payload", doc(network, 3).getString("payload").replace("Partner 3", "Partner X"));
        assertThat(allAgree(network)).isEqualTo(new Verdict(false, 3L, "hash-mismatch", 3));
    }

    @Test
    void twoSwappedPayloadsAreFoundAtTheFirst() throws Exception {
        String network = networkWithEntries("Alliantie Verwisseld");
        String second = doc(network, 2).getString("payload");
        set(network, 2, "payload", doc(network, 5).getString("payload"));
        set(network, 5, "payload", second);
        assertThat(allAgree(network)).isEqualTo(new Verdict(false, 2L, "hash-mismatch", 2));
    }

    @Test
    void aDeletedEventIsMissingAndNeitherTheHistoryNorTheNextCommandSkipsPastIt() throws Exception {
        String network = networkWithEntries("Alliantie Verdwenen");
        events.deleteOne(Filters.eq("streamKey", network + ":4"));

        assertThat(allAgree(network)).isEqualTo(new Verdict(false, 4L, "missing", 4));
        Api.Response history = Api.get(tp.queryPort(), "/api/networks/" + network + "/events?limit=1000", tp.coordinator);
        assertThat(history.status()).as("the history is not silently cut at the hole").isEqualTo(503);
        assertThat(history.contentType()).startsWith("application/problem+json");
        assertThat(history.json().get("title").asText()).isEqualTo("The network's log is broken");
        assertThat(history.json().get("sequenceNumber").asLong()).isEqualTo(4);
        assertThat(history.json().get("errors").get(0).get("message").asText()).contains("sequence 4");
        // The command side decides on the network it holds in its cache, so it may log the next entry; what it must
        // never do is write into the hole: the freed sequence number stays free and verification keeps reporting it.
        Api.Response next = addPartner(network, 99);
        assertThat(next.status()).as(next.body()).isIn(201, 503);
        assertThat(doc(network, 4)).as("the freed sequence number is not reused").isNull();
        assertThat(allAgree(network)).isEqualTo(new Verdict(false, 4L, "missing", 4));
    }

    /**
     * A document put into the events collection under a stream key that is not its network's and sequence number's is
     * no entry of the log: the log is read, verified and exported by stream key. The read models took it in by its
     * global position all the same, so the pages showed a partner the log does not hold, and then passed over the
     * real entry logged next under the same sequence number.
     */
    @Test
    void aDocumentOutsideTheLogReachesNoPageAndHidesNoEntry() throws Exception {
        String network = networkWithEntries("Alliantie Onderschept");
        Document shadow = copyAtTheEnd(network, 7, "shadow:" + 8);
        shadow.put("payload", shadow.getString("payload").replace("Partner 7", "Schaduw BV"));
        shadow.put("hash", "0".repeat(64));
        events.insertOne(shadow);
        Api.Response real = addPartner(network, 8);
        assertThat(real.status()).as(real.body()).isEqualTo(201);
        tp.awaitProjections();

        String partners = Api.get(tp.queryPort(), "/api/networks/" + network + "/partners", tp.coordinator).body();
        assertThat(partners).as("the pages show what the log holds").contains("Partner 8").doesNotContain("Schaduw");
        String facts = Api.get(tp.queryPort(), "/api/networks/" + network + "/facts", tp.coordinator).body();
        assertThat(facts).contains("Partner 8").doesNotContain("Schaduw");
        assertThat(allAgree(network)).isEqualTo(new Verdict(true, null, null, 9));
    }

    /**
     * Documents that stand in a stream of their own but are no entry of the log the pages show: one in a made-up
     * network's stream whose payload names this network, and one in this network's stream far ahead of its log (no
     * entry before it). The read models took both in, so the pages showed partners the verified log does not hold, and
     * passed over the genuine entries logged after them.
     */
    @Test
    void documentsAheadOfTheLogOrInAnotherStreamReachNoPageAndHideNoEntry() throws Exception {
        String network = networkWithEntries("Alliantie Vooruit");
        String madeUp = java.util.UUID.randomUUID().toString();
        for (long seq = 0; seq <= 8; seq++) {
            Document otherStream = copyAtTheEnd(network, 7, madeUp + ":" + seq);
            otherStream.put("aggregateId", madeUp);
            otherStream.put("sequenceNumber", seq);
            otherStream.put("payload", otherStream.getString("payload").replace("Partner 7", "Verzonnen Holding"));
            events.insertOne(otherStream);
        }
        Document ahead = copyAtTheEnd(network, 7, network + ":450");
        ahead.put("sequenceNumber", 450L);
        ahead.put("payload", ahead.getString("payload").replace("Partner 7", "Vooruit BV"));
        events.insertOne(ahead);
        Api.Response real = addPartner(network, 8);
        assertThat(real.status()).as(real.body()).isEqualTo(201);
        tp.awaitProjections();

        String view = Api.get(tp.queryPort(), "/api/networks/" + network, tp.coordinator).body();
        assertThat(view).as("the network's view").contains("Partner 8").doesNotContain("Verzonnen")
                        .doesNotContain("Vooruit BV");
        String partners = Api.get(tp.queryPort(), "/api/networks/" + network + "/partners", tp.coordinator).body();
        assertThat(partners).contains("Partner 8").doesNotContain("Verzonnen").doesNotContain("Vooruit BV");
        JsonNode facts = Api.get(tp.queryPort(), "/api/networks/" + network + "/facts", tp.coordinator).json();
        assertThat(facts.get("lastSequence").asLong()).as("the facts follow the log").isEqualTo(8);
        assertThat(allAgree(network)).isEqualTo(new Verdict(true, null, null, 9));
    }

    /**
     * An entry added at the end of the log with its hash computed as the platform computes it, the head left alone:
     * it read as a tail not yet recorded, so every check said intact, and the platform chained its next entry onto it
     * and signed a receipt that vouched for it. Every entry the platform logs carries its seal, and none is chained onto
     * an entry whose seal does not verify.
     */
    @Test
    void anEntryAddedAtTheEndOutsideThePlatformIsCaughtAndNotBuiltOn() throws Exception {
        String network = networkWithEntries("Alliantie Aangevuld");
        Document forged = copyAtTheEnd(network, 7, network + ":8");
        long last = forged.get("_id", Number.class).longValue() - 1;
        forged.put("payload", forged.getString("payload").replace("Partner 7", "Partner Vals"));
        forged.remove("seal");
        forged.put("hash", HashChain.hash(MongoEventStorageEngine.toStoredEvent(forged), doc(network, 7).getString("hash")));
        events.insertOne(forged);
        assertThat(allAgree(network)).isEqualTo(new Verdict(false, 8L, "unsealed", 9));

        Api.Response next = addPartner(network, 9);
        assertThat(next.status()).as("nothing is chained onto it: " + next.body()).isEqualTo(503);
        assertThat(doc(network, 9)).isNull();
        assertThat(allAgree(network)).isEqualTo(new Verdict(false, 8L, "unsealed", 9));

        forged.put("seal", doc(network, 7).getString("seal"));
        events.replaceOne(Filters.eq("_id", last + 1), forged);
        assertThat(allAgree(network)).as("a seal copied from another entry")
                                     .isEqualTo(new Verdict(false, 8L, "bad-seal", 9));
    }

    @Test
    void aTruncatedTailIsCaughtByTheHeadKeptApart() throws Exception {
        String network = networkWithEntries("Alliantie Ingekort");
        events.deleteMany(Filters.in("streamKey", network + ":6", network + ":7"));
        assertThat(allAgree(network)).isEqualTo(new Verdict(false, 6L, "truncated", 6));
    }

    @Test
    void anEventMarkedPendingIsFound() throws Exception {
        String network = networkWithEntries("Alliantie Opgeschort");
        set(network, 5, "pending", true);
        assertThat(allAgree(network)).isEqualTo(new Verdict(false, 5L, "pending", 5));
    }

    @Test
    void anEditWithEveryLaterHashRecomputedIsCaughtByTheHead() throws Exception {
        String network = networkWithEntries("Alliantie Herschreven");
        rewriteFrom(network, 2);
        assertThat(allAgree(network)).isEqualTo(new Verdict(false, 7L, "head-mismatch", 8));
    }

    /**
     * Rewritten from its second entry with every hash recomputed, head forged and checkpoints deleted: the store keeps
     * nothing that still names the old log, but the last entry's seal was made over the old one and no one with the
     * database alone can seal again. A receipt kept outside says which entry it vouched for.
     */
    @Test
    void aCompleteRewriteHeadAndCheckpointsIncludedIsCaughtByTheLastSealAndByAnEarlierReceipt() throws Exception {
        String network = networkWithEntries("Alliantie Vervalst");
        JsonNode before = Api.get(tp.queryPort(), "/api/networks/" + network + "/integrity", tp.coordinator).json();
        Path receipt = dir.resolve("receipt.jsonl");
        Files.writeString(receipt, "{\"kind\":\"receipt\",\"network\":\"%s\",\"sequence\":%d,\"hash\":\"%s\"}\n"
                .formatted(network, before.get("eventsChecked").asLong() - 1, before.get("headHash").asText()));
        String forgedHead = rewriteFrom(network, 2);
        forgeHead(network, 7, forgedHead);
        checkpoints.deleteOne(Filters.eq("_id", network));

        assertThat(allAgree(network)).as("the seal of the last entry no longer verifies")
                                     .isEqualTo(new Verdict(false, 7L, "bad-seal", 8));
        Path export = export(network);
        Verdict java = Verdict.of(Api.JSON.readTree(javaVerifier(export, "--receipt", receipt.toString())));
        assertThat(java).as("without the key, the receipt").isEqualTo(new Verdict(false, 7L, "rewritten", 8));
        pythonAgrees(java, export, "--receipt", receipt.toString());
        assertThat(Verdict.of(Api.JSON.readTree(javaVerifier(export, "--public-key", publicKeyFile().toString(),
                                                             "--unsealed"))))
                .as("an export taken as made before entries were sealed: the store alone cannot tell")
                .isEqualTo(new Verdict(true, null, null, 8));
    }

    /**
     * An export kept from before is given to the verifiers as it is, with {@code --receipt}: its last sealed entry and
     * its checkpoints vouch for what the log held then. A complete rewrite since, head forged and checkpoints deleted,
     * passes without the key, and is caught by the earlier export. The integrity page told an auditor to keep exports
     * and give them with a later one, but the verifiers refused an export there ("not a receipt or checkpoint").
     */
    @Test
    void anEarlierExportGivenAsItIsCatchesALaterCompleteRewrite() throws Exception {
        String network = networkWithEntries("Alliantie Bewaard");
        Path earlier = Files.copy(export(network), dir.resolve("earlier-" + network + ".jsonl"));
        String key = publicKeyFile().toString();
        Verdict intact = new Verdict(true, null, null, 8);
        assertThat(Verdict.of(Api.JSON.readTree(javaVerifier(export(network), "--public-key", key,
                                                             "--receipt", earlier.toString()))))
                .as("the log still extends the earlier export, whose last seal verifies").isEqualTo(intact);
        pythonAgrees(intact, export(network), "--public-key", key, "--receipt", earlier.toString());

        forgeHead(network, 7, rewriteFrom(network, 2));
        checkpoints.deleteOne(Filters.eq("_id", network));
        Path later = export(network);
        assertThat(Verdict.of(Api.JSON.readTree(javaVerifier(later)))).as("without the key or the earlier export")
                                                                     .isEqualTo(intact);
        Verdict caught = new Verdict(false, 7L, "rewritten", 8);
        assertThat(Verdict.of(Api.JSON.readTree(javaVerifier(later, "--receipt", earlier.toString())))).isEqualTo(caught);
        pythonAgrees(caught, later, "--receipt", earlier.toString());

        // Said in words: an intact log says what it was checked against, so a run with the earlier export does not
        // read as one without it.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {earlier.toString(), "--receipt", earlier.toString()},
                            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream())))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("the log extends all \\d+ receipts and "
                                                                         + "checkpoints given, the latest at sequence 7");
        // An earlier export edited since it was made vouches for nothing: both verifiers refuse it as such (it
        // vouched for the log through its last seal, whatever its other lines said).
        Path edited = dir.resolve("edited-" + network + ".jsonl");
        Files.writeString(edited, Files.readString(earlier).replaceFirst("Partner", "Parnter"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {later.toString(), "--receipt", edited.toString()},
                            new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is an export that does not verify itself");
        if (python3Available()) {
            Process python = new ProcessBuilder("python3", PYTHON_VERIFIER.toString(), later.toString(), "--receipt",
                                                edited.toString()).redirectErrorStream(true).start();
            String said = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(python.exitValue()).as(said).isEqualTo(2);
            assertThat(said).contains("is an export that does not verify itself");
        }
    }

    /**
     * The same rewrite with every seal removed reads as a log from before entries were sealed, which the store cannot
     * tell apart: each start of the command side sealed such a log, so the next restart vouched for the forgery. Now a
     * start names it and leaves it unsealed; only an operator's setting seals it.
     */
    @Test
    void aRewriteStrippedOfEverySealIsNotSealedByTheNextStart() throws Exception {
        String network = networkWithEntries("Alliantie Ontzegeld");
        forgeHead(network, 7, rewriteFrom(network, 2));
        checkpoints.deleteOne(Filters.eq("_id", network));
        events.updateMany(Filters.eq("aggregateId", network), Updates.unset("seal"));
        Verdict unsealed = new Verdict(false, 0L, "unsealed", 8);
        assertThat(allAgree(network)).isEqualTo(unsealed);

        SmartInitializingSingleton start = (SmartInitializingSingleton) tp.platform.commands().getBean("sealedLogs");
        start.afterSingletonsInstantiated();
        assertThat(doc(network, 7)).as("the start sealed nothing").doesNotContainKey("seal");
        assertThat(allAgree(network)).isEqualTo(unsealed);
        MongoEventStorageEngine engine = tp.platform.commands().getBean(MongoEventStorageEngine.class);
        assertThat(engine.unsealedLogs()).contains(network);

        // What samenspel.integrity.seal-unsealed-logs=true runs once: it vouches for the log as it stands.
        assertThat(engine.sealLastEvents()).isPositive();
        assertThat(allAgree(network)).as("sealed at the operator's word").isEqualTo(new Verdict(true, null, null, 8));
    }

    @Test
    void theFirstIntactVerificationOfAMonthSignsACheckpointThatVerifiesOffline() throws Exception {
        String network = networkWithEntries("Alliantie Getekend");
        JsonNode integrity = Api.get(tp.queryPort(), "/api/networks/" + network + "/integrity", tp.coordinator).json();
        JsonNode listed = Api.get(tp.queryPort(), "/api/networks/" + network + "/checkpoints", tp.coordinator).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("month").asText()).isEqualTo(java.time.YearMonth.now().toString());
        JsonNode checkpoint = listed.get(0).get("checkpoint");
        assertThat(checkpoint.get("sequence").asLong()).isEqualTo(7);
        assertThat(checkpoint.get("hash").asText()).isEqualTo(integrity.get("headHash").asText());
        Anchor anchor = new Anchor("checkpoint", network, 7, checkpoint.get("hash").asText(),
                                   checkpoint.get("time").asText(), checkpoint.get("signature").asText());
        assertThat(Signatures.verify(Signatures.publicKey(publicKeyPem()), anchor)).isTrue();

        Api.get(tp.queryPort(), "/api/networks/" + network + "/integrity", tp.coordinator);
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + network + "/checkpoints", tp.coordinator).json())
                .as("one checkpoint a month is kept: the first").isEqualTo(listed);
        assertThat(Files.readString(export(network))).contains("{\"kind\":\"checkpoint\"");
        assertThat(allAgree(network, "--public-key", publicKeyFile().toString()))
                .isEqualTo(new Verdict(true, null, null, 8));
    }

    @Test
    void aCompleteRewriteHeadIncludedIsCaughtByTheSignedCheckpointAndAForgedCheckpointByItsSignature() throws Exception {
        String network = networkWithEntries("Alliantie Nagetekend");
        Api.get(tp.queryPort(), "/api/networks/" + network + "/integrity", tp.coordinator);
        String forgedHead = rewriteFrom(network, 2);
        forgeHead(network, 7, forgedHead);
        String key = publicKeyFile().toString();
        assertThat(allAgree(network, "--public-key", key)).isEqualTo(new Verdict(false, 7L, "rewritten", 8));

        String month = java.time.YearMonth.now().toString();
        checkpoints.updateOne(Filters.eq("_id", network), Updates.set("months." + month + ".hash", forgedHead));
        assertThat(allAgree(network, "--public-key", key)).isEqualTo(new Verdict(false, 7L, "bad-signature", 8));
    }

    @Test
    void theReceiptOfACommandsAnswerVerifiesOfflineAndCatchesALaterCompleteRewrite() throws Exception {
        String network = tp.found("Alliantie Ontvangen");
        tp.grantCoordinator(network);
        Api.Response first = addPartner(network, 1);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode receipt = first.json().get("receipt");
        assertThat(receipt.get("kind").asText()).isEqualTo("receipt");
        assertThat(receipt.get("network").asText()).isEqualTo(network);
        assertThat(receipt.get("sequence").asLong()).isEqualTo(1);
        assertThat(receipt.get("signature").asText()).isNotBlank();
        // The answer's receipt, kept by the client exactly as it came, is a receipt file of one line.
        Path receiptFile = Files.writeString(dir.resolve("answer-receipt.jsonl"), Api.JSON.writeValueAsString(receipt) + "\n");
        for (int i = 2; i <= 7; i++) {
            assertThat(addPartner(network, i).status()).isEqualTo(201);
        }
        String key = publicKeyFile().toString();

        Path export = export(network);
        Verdict intact = Verdict.of(Api.JSON.readTree(javaVerifier(export, "--public-key", key,
                                                                   "--receipt", receiptFile.toString())));
        assertThat(intact).isEqualTo(new Verdict(true, null, null, 8));
        pythonAgrees(intact, export, "--public-key", key, "--receipt", receiptFile.toString());

        String forgedHead = rewriteFrom(network, 1);
        forgeHead(network, 7, forgedHead);
        checkpoints.deleteOne(Filters.eq("_id", network));
        assertThat(allAgree(network)).as("the last entry's seal").isEqualTo(new Verdict(false, 7L, "bad-seal", 8));
        Path rewritten = export(network);
        Verdict caught = Verdict.of(Api.JSON.readTree(javaVerifier(rewritten, "--public-key", key,
                                                                   "--receipt", receiptFile.toString())));
        assertThat(caught).isEqualTo(new Verdict(false, 1L, "rewritten", 8));
        pythonAgrees(caught, rewritten, "--public-key", key, "--receipt", receiptFile.toString());
    }

    @Test
    void aResentCommandAnswersTheSameReceiptAndAnAlteredReceiptFailsItsSignature() throws Exception {
        String network = tp.found("Alliantie Herhaald");
        tp.grantCoordinator(network);
        String body = """
                {"commandId":"%s","name":"Partner Eén","partnerType":"school","participationLevel":"core","occurredOn":"2024-02-01"}"""
                .formatted(java.util.UUID.randomUUID());
        Api.Response first = Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", body, tp.coordinator);
        Api.Response again = Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", body, tp.coordinator);
        assertThat(again.json().get("replayed").asBoolean()).isTrue();
        assertThat(again.json().get("receipt")).isEqualTo(first.json().get("receipt"));
        assertThat(again.json().get("position")).isEqualTo(first.json().get("position"));

        com.fasterxml.jackson.databind.node.ObjectNode altered = first.json().get("receipt").deepCopy();
        altered.put("sequence", 0);
        altered.put("hash", doc(network, 0).getString("hash"));
        Path receiptFile = Files.writeString(dir.resolve("altered-receipt.jsonl"), Api.JSON.writeValueAsString(altered) + "\n");
        Verdict verdict = Verdict.of(Api.JSON.readTree(javaVerifier(export(network), "--public-key",
                                                                    publicKeyFile().toString(), "--receipt",
                                                                    receiptFile.toString())));
        assertThat(verdict).isEqualTo(new Verdict(false, 0L, "bad-signature", 2));

        // Its entry rewritten in the store, the chain and head recomputed, the checkpoints deleted: a resend gets no
        // receipt signed over the changed log, only the one it got (a fresh JVM reads the seal back and refuses, see
        // SealedEventsTest).
        String forgedHead = rewriteFrom(network, 1);
        forgeHead(network, 1, forgedHead);
        checkpoints.deleteOne(Filters.eq("_id", network));
        Api.Response afterRewrite = Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", body,
                                             tp.coordinator);
        assertThat(afterRewrite.body()).doesNotContain(forgedHead);
        if (afterRewrite.status() == 201) {
            assertThat(afterRewrite.json().get("receipt")).isEqualTo(first.json().get("receipt"));
        } else {
            assertThat(afterRewrite.status()).as(afterRewrite.body()).isEqualTo(503);
        }
    }

    @Test
    void anImportsAnswerCarriesTheReceiptOfItsLastEntry() throws Exception {
        String network = tp.found("Alliantie Ingevoerd");
        tp.grantCoordinator(network);
        Api.Response imported = Api.send("POST", tp.commandPort(), "/api/networks/" + network + "/imports", """
                {"type":"partner-joined","name":"Partner Een","partnerType":"school","participationLevel":"core","occurredOn":"2024-02-01"}
                {"type":"partner-joined","name":"Partner Twee","partnerType":"school","participationLevel":"core","occurredOn":"2024-02-01"}
                {"type":"partner-joined","name":"Partner Drie","partnerType":"school","participationLevel":"core","occurredOn":"2024-02-01"}
                """, "application/x-ndjson", tp.coordinator);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode receipt = imported.json().get("receipt");
        assertThat(receipt.get("sequence").asLong()).isEqualTo(3);
        assertThat(receipt.get("hash").asText()).isEqualTo(doc(network, 3).getString("hash"));
        Path receiptFile = Files.writeString(dir.resolve("import-receipt.jsonl"), Api.JSON.writeValueAsString(receipt) + "\n");

        String forgedHead = rewriteFrom(network, 2);
        forgeHead(network, 3, forgedHead);
        checkpoints.deleteOne(Filters.eq("_id", network));
        Verdict caught = Verdict.of(Api.JSON.readTree(javaVerifier(export(network), "--public-key",
                                                                   publicKeyFile().toString(), "--receipt",
                                                                   receiptFile.toString())));
        assertThat(caught).isEqualTo(new Verdict(false, 3L, "rewritten", 4));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String publicKeyPem() {
        return Api.get(tp.queryPort(), "/api/checkpoint-key", tp.auditor).json().get("pem").asText();
    }

    private Path publicKeyFile() throws IOException {
        return Files.writeString(dir.resolve("checkpoint-key.pem"), publicKeyPem());
    }

    /**
     * Overwrites the network's recorded head, as someone with access to the database would, once the real one is
     * recorded.
     */
    private static void forgeHead(String network, long sequence, String forgedHash) {
        awaitRecordedHead(network, sequence);
        heads.updateOne(Filters.eq("_id", network), Updates.set("head", "%019d:%s".formatted(sequence, forgedHash)));
    }

    /** Heads are recorded shortly after the answer, off the command's path: waits until this one is. */
    private static void awaitRecordedHead(String network, long sequence) {
        String prefix = "%019d:".formatted(sequence);
        await().atMost(10, TimeUnit.SECONDS).until(() -> {
            Document head = heads.find(Filters.eq("_id", network)).first();
            return head != null && head.getString("head").startsWith(prefix);
        });
    }

    /**
     * Figures are read from the stored health, not from the log: someone with the database can change a month there,
     * drop a month or an alert, and the pages show it while the log verifies intact. The health check computes them
     * again from the log and names what differs.
     */
    @Test
    void storedFiguresChangedInTheDatabaseAreFoundByTheHealthCheck() throws Exception {
        String network = networkWithEntries("Alliantie Opgepoetst");
        tp.awaitProjections();
        String path = "/api/networks/" + network + "/health/check";
        JsonNode clean = Api.get(tp.queryPort(), path, tp.coordinator).json();
        JsonNode timeline = Api.get(tp.queryPort(), "/api/networks/" + network + "/health/timeline", tp.coordinator).json();
        assertThat(clean.get("matches").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.get("monthsChecked").asInt()).as("every month the pages show").isEqualTo(timeline.size());
        assertThat(clean.get("lastSequence").asLong()).as("up to the last entry").isEqualTo(7);
        assertThat(clean.get("entriesInLog").asLong()).isEqualTo(8);
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + tp.networkA + "/health/check", tp.steering).status())
                .as("for auditors and coordinators").isEqualTo(403);

        // A month's figure changed in the database: the page shows it, the log is intact, the check names the month.
        MongoCollection<Document> months = client.getDatabase("samenspel-it").getCollection("health_months");
        MongoCollection<Document> networks = client.getDatabase("samenspel-it").getCollection("health_networks");
        String month = "2024-03";
        String key = networks.find(Filters.eq("_id", network)).first().get("monthKeys", Document.class).getString(month);
        ObjectMapper smile = new ObjectMapper(new SmileFactory());
        ObjectNode stored = (ObjectNode) smile.readTree(months.find(Filters.eq("_id", key)).first()
                                                              .get("health", org.bson.types.Binary.class).getData());
        ObjectNode h2 = (ObjectNode) stored.path("indicators").path("H2");
        String status = h2.path("status").asText();
        String forged = "OK".equals(status) ? "ALERT" : "OK";
        h2.put("status", forged);
        months.updateOne(Filters.eq("_id", key), Updates.set("health", new org.bson.types.Binary(smile.writeValueAsBytes(stored))));
        JsonNode shown = Api.get(tp.queryPort(), "/api/networks/" + network + "/health/timeline", tp.coordinator).json();
        assertThat(shown.findValues("month").stream().map(JsonNode::asText).toList()).contains(month);
        for (JsonNode m : shown) {
            if (m.get("month").asText().equals(month)) {
                assertThat(m.path("indicators").path("H2").path("status").asText()).as("the pages read the forgery")
                                                                                   .isEqualTo(forged);
            }
        }
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + network + "/integrity", tp.coordinator).json()
                      .get("intact").asBoolean()).as("the log itself is untouched").isTrue();
        JsonNode found = Api.get(tp.queryPort(), path, tp.coordinator).json();
        assertThat(found.get("matches").asBoolean()).isFalse();
        assertThat(found.get("differing").toString()).isEqualTo("[\"" + month + "\"]");
        assertThat(found.get("differingCount").asInt()).isEqualTo(1);
        assertThat(found.get("alertsMatch").asBoolean()).isTrue();

        // The alert episodes emptied and the latest month taken off the list: both found.
        Document pointers = networks.find(Filters.eq("_id", network)).first();
        assertThat(pointers.getList("episodes", Object.class)).as("the network has alerts to hide").isNotEmpty();
        List<String> listed = new ArrayList<>(pointers.getList("months", String.class));
        String latest = listed.remove(listed.size() - 1);
        networks.updateOne(Filters.eq("_id", network), Updates.combine(Updates.set("episodes", List.of()),
                                                                         Updates.set("months", listed)));
        JsonNode emptied = Api.get(tp.queryPort(), path, tp.coordinator).json();
        assertThat(emptied.get("matches").asBoolean()).isFalse();
        assertThat(emptied.get("alertsMatch").asBoolean()).isFalse();
        assertThat(emptied.get("missing").toString()).isEqualTo("[\"" + latest + "\"]");
    }

    /**
     * The lists the pages show (partners, people, agreements, meetings, ...) are stored apart from the log too: a
     * partner renamed in the database showed on every page while the log verified intact, and the check of the figures
     * said they matched. The check folds the lists again from the log and names the list that differs.
     */
    @Test
    void aListChangedInTheDatabaseIsFoundByTheCheck() {
        String network = networkWithEntries("Alliantie Herschreven");
        tp.awaitProjections();
        String path = "/api/networks/" + network + "/health/check";
        JsonNode clean = Api.get(tp.queryPort(), path, tp.coordinator).json();
        assertThat(clean.path("lists").path("matches").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.path("lists").path("lastSequence").asLong()).isEqualTo(7);
        assertThat(clean.path("lists").path("checked").asInt()).as("every list of the facts").isGreaterThan(20);

        MongoCollection<Document> parts = client.getDatabase("samenspel-it").getCollection("network_facts_parts");
        Document partners = parts.find(Filters.eq("_id", network + ":partners")).first();
        String field = partners.keySet().stream().filter(k -> partners.get(k) instanceof String s && s.contains("Partner 3"))
                               .findFirst().orElseThrow();
        parts.updateOne(Filters.eq("_id", network + ":partners"),
                        Updates.set(field, partners.getString(field).replace("Partner 3", "Partner Drie")));
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + network + "/facts", tp.coordinator).body())
                .as("the pages read the forgery").contains("Partner Drie");
        JsonNode found = Api.get(tp.queryPort(), path, tp.coordinator).json();
        assertThat(found.get("matches").asBoolean()).as(found.toString()).isFalse();
        assertThat(found.path("lists").path("matches").asBoolean()).isFalse();
        assertThat(found.path("lists").path("differing").toString()).isEqualTo("[\"partners\"]");
        assertThat(found.get("differingCount").asInt()).as("the figures themselves agree").isZero();

        // the network list's own record of the network: its name changed there shows on the list of networks
        MongoCollection<Document> views = client.getDatabase("samenspel-it").getCollection("network_views");
        assertThat(views.updateOne(Filters.eq("name", "Alliantie Herschreven"), Updates.set("name", "Alliantie Hernoemd"))
                        .getModifiedCount()).isEqualTo(1);
        assertThat(Api.get(tp.queryPort(), "/api/networks", tp.coordinator).body()).contains("Alliantie Hernoemd");
        JsonNode renamed = Api.get(tp.queryPort(), path, tp.coordinator).json();
        assertThat(renamed.path("lists").path("differing").toString()).isEqualTo("[\"partners\",\"networkList\"]");
    }

    /**
     * The health of an earlier part of the log stored as if it were the whole: consistent with the log up to the entry
     * it claims, so no figure differs, but entries logged long since are left out. (The test platform gives the
     * projection no grace, so any entry left out counts as long since.)
     */
    @Test
    void storedFiguresPutBackToAnEarlierPartOfTheLogAreFound() {
        String network = networkWithEntries("Alliantie Teruggezet");
        tp.awaitProjections();
        String path = "/api/networks/" + network + "/health/check";
        assertThat(Api.get(tp.queryPort(), path, tp.coordinator).json().get("matches").asBoolean()).isTrue();
        java.util.UUID id = java.util.UUID.fromString(network);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        nl.samenspel.health.IncrementalHealth earlier = new nl.samenspel.health.IncrementalHealth(
                nl.samenspel.health.HealthModel.standard());
        earlier.add(tp.platform.queries().getBean(nl.samenspel.query.health.NetworkLogReader.class).read(id, 5), today);
        client.getDatabase("samenspel-it").getCollection("health_networks").deleteOne(Filters.eq("_id", network));
        assertThat(tp.platform.queries().getBean(nl.samenspel.query.health.HealthStore.class)
                     .save(id, earlier.months(), null, new nl.samenspel.query.health.HealthVersion(4, today))).isTrue();

        JsonNode back = Api.get(tp.queryPort(), path, tp.coordinator).json();
        assertThat(back.get("lastSequence").asLong()).isEqualTo(4);
        assertThat(back.get("differingCount").asInt()).as("consistent with the part it claims").isZero();
        assertThat(back.get("alertsMatch").asBoolean()).isTrue();
        assertThat(back.hasNonNull("leftOutSince")).as(back.toString()).isTrue();
        assertThat(back.get("matches").asBoolean()).isFalse();
    }

    /** A network of eight events: founded, then seven partners joining. */
    private static String networkWithEntries(String name) {
        String network = tp.found(name);
        tp.grantCoordinator(network);
        for (int i = 1; i <= 7; i++) {
            Api.Response added = addPartner(network, i);
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        awaitRecordedHead(network, 7);
        return network;
    }

    private static Api.Response addPartner(String network, int i) {
        return Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", """
                {"name":"Partner %d","partnerType":"school","participationLevel":"core","occurredOn":"2024-02-0%d"}"""
                .formatted(i, 1 + i % 9), tp.coordinator);
    }

    /**
     * Runs all three on the network (the verifiers with {@code verifierArgs}, and with the public key, which the
     * platform always checks with) and requires one verdict; returns it.
     */
    private Verdict allAgree(String network, String... verifierArgs) throws Exception {
        JsonNode integrity = Api.get(tp.queryPort(), "/api/networks/" + network + "/integrity", tp.coordinator).json();
        Verdict server = Verdict.of(integrity);
        Path export = export(network);
        if (!List.of(verifierArgs).contains("--public-key")) {
            List<String> withKey = new ArrayList<>(List.of(verifierArgs));
            withKey.addAll(List.of("--public-key", publicKeyFile().toString()));
            verifierArgs = withKey.toArray(String[]::new);
        }
        Verdict java = Verdict.of(Api.JSON.readTree(javaVerifier(export, verifierArgs)));
        assertThat(java).as("the standalone verifier agrees with the integrity answer %s", integrity).isEqualTo(server);
        pythonAgrees(java, export, verifierArgs);
        return server;
    }

    private Path export(String network) throws IOException {
        Api.Response response = Api.get(tp.queryPort(), "/api/networks/" + network + "/export", tp.coordinator);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/jsonl");
        Path file = dir.resolve("network-" + network + ".jsonl");
        Files.writeString(file, response.body());
        return file;
    }

    private static String javaVerifier(Path export, String... more) {
        List<String> args = new ArrayList<>(List.of(export.toString(), "--json"));
        args.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                              new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as("exit status; %s %s", printed, err.toString(StandardCharsets.UTF_8))
                          .isEqualTo(printed.contains("\"intact\":true") ? 0 : 1);
        return printed;
    }

    /** The Python verifier must reach the same verdict; skipped (with the reason) where there is no python3. */
    private static void pythonAgrees(Verdict expected, Path export, String... more) throws Exception {
        Assumptions.assumeTrue(python3Available(), "python3 is not on the PATH: the Python verifier was not run");
        List<String> command = new ArrayList<>(List.of("python3", PYTHON_VERIFIER.toString(), export.toString(), "--json"));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(printed).isEqualTo(expected.intact() ? 0 : 1);
        assertThat(Verdict.of(Api.JSON.readTree(printed))).as("the Python verifier: %s", printed).isEqualTo(expected);
    }

    private static boolean python3Available() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Edits the event at {@code from} and recomputes its hash and every later one; returns the last hash. */
    private static String rewriteFrom(String network, int from) {
        String previous = doc(network, from - 1).getString("hash");
        set(network, from, "payload", doc(network, from).getString("payload").replace("Partner", "Parnter"));
        for (long seq = from; doc(network, seq) != null; seq++) {
            StoredEvent event = MongoEventStorageEngine.toStoredEvent(doc(network, seq));
            previous = HashChain.hash(event, previous);
            set(network, seq, "hash", previous);
        }
        return previous;
    }

    /**
     * A copy of the network's event at {@code sequence}, as the next one (sequence + 1) under {@code streamKey} at the
     * store's next global position, with ids of its own: what someone with the database would add by hand.
     */
    private static Document copyAtTheEnd(String network, long sequence, String streamKey) {
        Document copy = new Document(doc(network, sequence));
        long last = events.find().sort(new Document("_id", -1)).first().get("_id", Number.class).longValue();
        copy.put("_id", last + 1);
        copy.put("streamKey", streamKey);
        copy.put("sequenceNumber", sequence + 1);
        copy.put("eventId", java.util.UUID.randomUUID().toString());
        copy.put("commandId", java.util.UUID.randomUUID().toString());
        return copy;
    }

    private static Document doc(String network, long sequence) {
        return events.find(Filters.eq("streamKey", network + ":" + sequence)).first();
    }

    private static void set(String network, long sequence, String field, Object value) {
        events.updateOne(Filters.eq("streamKey", network + ":" + sequence), Updates.set(field, value));
    }
}
