package nl.samenspel.platform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.query.facts.FactsSnapshot;
import nl.samenspel.query.facts.FactsSnapshot.Part;
import nl.samenspel.query.facts.LoggedEntry;
import nl.samenspel.query.facts.NetworkFacts;
import nl.samenspel.query.facts.Partner;
import nl.samenspel.query.network.NetworkFactsStore;
import nl.samenspel.query.network.NetworkFactsStore.StoredFacts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * What the facts read model writes and reads for one busy network: the ten-year network of 10,000 entries folded, then
 * one meeting logged at a time. Prints the bytes and time of a save per batch, stored in parts
 * ({@link NetworkFactsStore}) against the whole facts as one document (as they were stored before), and the time of a
 * read of the meetings against a read of everything, all measured in the same run on the embedded store.
 */
public final class FactsWriteBenchmark {
    private static final ObjectMapper JSON = ServiceJson.MAPPER;

    private FactsWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        LocalDate today = LocalDate.of(2026, 6, 1);
        List<LoggedEntry> log = TenYearNetwork.generate(2026, today, entries, 12).stream()
                                              .map(e -> new LoggedEntry(e.eventId(), e.event())).toList();
        UUID networkId = log.get(0).event().networkId();
        NetworkFacts facts = NetworkFacts.fold(log);
        long sequence = log.size() - 1;

        try (EmbeddedStore store = EmbeddedStore.inMemory();
             MongoClient client = MongoClients.create(store.uri("bench"))) {
            MongoTemplate mongo = new MongoTemplate(client, "bench");
            NetworkFactsStore parts = new NetworkFactsStore(mongo);
            FactsSnapshot saved = facts.snapshot();
            parts.save(new StoredFacts(networkId, sequence, Instant.now(), saved), null);
            saveAsOneDocument(mongo, networkId, sequence, saved);

            long oneDocumentBytes = 0;
            long partsBytes = 0;
            long oneDocumentNanos = 0;
            long partsNanos = 0;
            for (int round = 0; round < rounds; round++) {
                List<Attendance> attendance = facts.snapshot().partners().stream().filter(Partner::active)
                                                   .map(p -> new Attendance(p.partnerId(), Level.BOARD)).toList();
                facts.apply(UUID.randomUUID().toString(),
                            new MeetingHeld(networkId, UUID.randomUUID(), MeetingKind.FORMAL, Modality.IN_PERSON,
                                            "Network table", attendance, today, null, null));
                sequence++;
                // both ways take the snapshot and write it, as the projection does at the end of a batch
                long start = System.nanoTime();
                FactsSnapshot next = facts.snapshot();
                oneDocumentBytes += saveAsOneDocument(mongo, networkId, sequence, next);
                oneDocumentNanos += System.nanoTime() - start;

                start = System.nanoTime();
                next = facts.snapshot();
                parts.save(new StoredFacts(networkId, sequence, Instant.now(), next), saved);
                partsNanos += System.nanoTime() - start;
                saved = next;
                partsBytes += writtenAt(mongo, networkId, sequence);
            }

            int reads = 20;
            long allNanos = 0;
            long meetingsNanos = 0;
            for (int read = 0; read < reads; read++) {
                long start = System.nanoTime();
                parts.find(networkId).orElseThrow();
                allNanos += System.nanoTime() - start;
                start = System.nanoTime();
                parts.find(networkId, EnumSet.of(Part.MEETINGS, Part.MEETING_CANCELLATIONS)).orElseThrow();
                meetingsNanos += System.nanoTime() - start;
            }

            System.out.printf("Facts of the ten-year network (%,d entries), one meeting per batch, %d batches%n",
                              entries, rounds);
            System.out.printf("  written per batch, one document:  %,10d bytes  %8.1f ms%n",
                              oneDocumentBytes / rounds, oneDocumentNanos / 1e6 / rounds);
            System.out.printf("  written per batch, in parts:      %,10d bytes  %8.1f ms  (%.3fx the bytes, %.2fx the time)%n",
                              partsBytes / rounds, partsNanos / 1e6 / rounds,
                              (double) partsBytes / oneDocumentBytes, (double) partsNanos / oneDocumentNanos);
            System.out.println("  largest lists (stored in pages; an entry rewrites a page of one):");
            FactsSnapshot last = saved;
            for (Part part : EnumSet.allOf(Part.class).stream()
                                    .sorted((a, b) -> Long.compare(bytes(b.of(last)), bytes(a.of(last)))).limit(6).toList()) {
                System.out.printf("    %-22s %,10d bytes  (%,d items)%n", part.listName(), bytes(part.of(last)),
                                  part.of(last).size());
            }
            System.out.printf("  read of everything (…/facts):                   %8.1f ms%n", allNanos / 1e6 / reads);
            System.out.printf("  read of the meetings (…/meetings):              %8.1f ms  (%.3fx)%n",
                              meetingsNanos / 1e6 / reads, (double) meetingsNanos / allNanos);
        }
    }

    private static long bytes(List<?> list) {
        try {
            return JSON.writeValueAsString(list).getBytes(StandardCharsets.UTF_8).length;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the whole facts as one document, as the read model did before; answers the bytes of its text. */
    private static long saveAsOneDocument(MongoTemplate mongo, UUID networkId, long sequence, FactsSnapshot facts)
            throws Exception {
        String text = JSON.writeValueAsString(facts);
        Document doc = new Document("_id", networkId.toString()).append("lastSequence", sequence)
                                                                .append("lastRecordedAt", Instant.now().toString())
                                                                .append("facts", text);
        mongo.getCollection("one_document_facts")
             .replaceOne(Filters.eq("_id", networkId.toString()), doc, new ReplaceOptions().upsert(true));
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The bytes of the pages and the head written by the save at {@code sequence}. */
    private static long writtenAt(MongoTemplate mongo, UUID networkId, long sequence) {
        Document head = mongo.getCollection(NetworkFactsStore.COLLECTION).find(Filters.eq("_id", networkId.toString())).first();
        Document pages = head.get("pages", Document.class);
        List<String> ids = new ArrayList<>();
        for (Part part : Part.values()) {
            int count = pages.get(part.listName(), 1);
            for (int page = 0; page < count; page++) {
                ids.add(networkId + ":" + part.listName() + (page == 0 ? "" : ":" + page));
            }
        }
        long bytes = 0;
        for (Document part : mongo.getCollection(NetworkFactsStore.PARTS).find(Filters.in("_id", ids))) {
            if (part.get(NetworkFactsStore.PART_SEQUENCE, Number.class).longValue() == sequence) {
                bytes += part.getString("list").getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes + head.toJson().getBytes(StandardCharsets.UTF_8).length;
    }
}
