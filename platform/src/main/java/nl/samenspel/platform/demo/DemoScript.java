package nl.samenspel.platform.demo;

import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ContributionKind;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.Motive;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.RepresentativeAppointed;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A demo network's history as a script: the founding facts and the entries, in the order a coordinator would log
 * them. Ids are derived from the network name and a counter, and chance comes from a seeded generator, so the same
 * seed always gives the same history.
 */
public final class DemoScript {
    public final String name;
    public final String sector;
    public final String region;
    public final CollaborationForm form;
    public final String societalTask;
    public final LocalDate foundedOn;
    public final UUID networkId;
    final Random random;
    private final List<Function<UUID, NetworkEvent>> entries = new ArrayList<>();
    private final Map<UUID, String> people = new LinkedHashMap<>();
    private int ids;

    DemoScript(String name, String sector, String region, CollaborationForm form, String societalTask,
               LocalDate foundedOn, long seed) {
        this.name = name;
        this.sector = sector;
        this.region = region;
        this.form = form;
        this.societalTask = societalTask;
        this.foundedOn = foundedOn;
        this.random = new Random(seed ^ name.hashCode());
        this.networkId = UUID.nameUUIDFromBytes(("demo-network:" + name + ":" + seed).getBytes(StandardCharsets.UTF_8));
    }

    /** The entries, each made for the network's id. */
    public List<NetworkEvent> entries() {
        return entries.stream().map(f -> f.apply(networkId)).toList();
    }

    /** A deterministic id for something this script creates. */
    UUID id(String kind) {
        return UUID.nameUUIDFromBytes((networkId + ":" + kind + ":" + (ids++)).getBytes(StandardCharsets.UTF_8));
    }

    void add(Function<UUID, NetworkEvent> entry) {
        entries.add(entry);
    }

    LocalDate month(int monthsAfterFounding, int day) {
        LocalDate month = foundedOn.plusMonths(monthsAfterFounding);
        return month.withDayOfMonth(Math.min(day, month.lengthOfMonth()));
    }

    UUID partner(String partnerName, String type, ParticipationLevel level, LocalDate on) {
        UUID partnerId = id("partner");
        add(n -> new PartnerJoined(n, partnerId, partnerName, type, level, Set.of(Motive.INSTRUMENTAL, Motive.MORAL), on,
                                   Source.MINUTES, null));
        return partnerId;
    }

    String representative(UUID partnerId, Level level, String role, LocalDate on) {
        String personRef = person();
        add(n -> new RepresentativeAppointed(n, partnerId, personRef, level, role, on, null, null));
        return personRef;
    }

    /** Fictional first names and surnames of the demo's people, combined so that no two in a network share a name. */
    private static final List<String> FIRST_NAMES = List.of(
            "Anouk", "Bram", "Carla", "Daan", "Eva", "Floor", "Gijs", "Hanneke", "Ilse", "Joris", "Karin", "Lars",
            "Marieke", "Niels", "Olga", "Pieter", "Roos", "Sander", "Tineke", "Wouter");
    private static final List<String> SURNAMES = List.of(
            "Akkerman", "van den Berg", "Bosman", "Claassen", "Dijkstra", "van Eck", "de Graaf", "Hendriks",
            "Jansen", "Kuiper", "de Lange", "Meijer", "Nijland", "Postma", "de Ruiter", "Smit", "Timmer", "Veenstra",
            "de Wit", "Zwart");

    /**
     * Every first name with every surname, each once: the n-th takes first names in turn (in an order of chance fixed
     * once, so that they do not run alphabetically) and a surname that moves on by seven with each, so that people
     * listed one after another do not share a first name or a surname, and no two of the 400 share a name.
     */
    private static final List<String> NAMES = names();

    private static List<String> names() {
        List<String> first = new ArrayList<>(FIRST_NAMES);
        List<String> last = new ArrayList<>(SURNAMES);
        java.util.Collections.shuffle(first, new Random(2026));
        java.util.Collections.shuffle(last, new Random(2027));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < first.size() * last.size(); i++) {
            names.add(first.get(i % 20) + " " + last.get((7 * (i % 20) + i / 20) % 20));
        }
        return List.copyOf(names);
    }

    /** Which hundred of {@link #NAMES} this network's people take theirs from: none shares a name with another's. */
    private int namesFrom;

    void namesFrom(int block) {
        this.namesFrom = block;
    }

    /**
     * A person of this network: the reference the entries name them by, and a fictional name the demo's people
     * directory holds for it (entries never hold names), so that the demo's pages name people as a network's would.
     */
    String person() {
        return person(id("person"));
    }

    /** A person as {@link #person()}, whose reference is made from {@code key} rather than the next id. */
    String person(String key) {
        return person(UUID.nameUUIDFromBytes((networkId + ":person:" + key).getBytes(StandardCharsets.UTF_8)));
    }

    private String person(UUID personRef) {
        people.put(personRef, NAMES.get((namesFrom * 100 + people.size()) % NAMES.size()));
        return personRef.toString();
    }

    /** The people this script names, by reference, with the names the people directory holds for them. */
    public Map<UUID, String> people() {
        return java.util.Collections.unmodifiableMap(people);
    }

    /** A meeting attended by the given partners at the given level. */
    void meeting(String purpose, MeetingKind kind, List<UUID> attendees, Level level, LocalDate on) {
        UUID meetingId = id("meeting");
        List<Attendance> attendance = attendees.stream().map(p -> new Attendance(p, level)).toList();
        add(n -> new MeetingHeld(n, meetingId, kind, random.nextInt(4) == 0 ? Modality.ONLINE : Modality.IN_PERSON,
                                 purpose, attendance, on, Source.MINUTES, null));
    }

    void deliveredContribution(UUID from, ContributionKind kind, int quantity, Unit unit, int valueEur, Capital capital,
                               LocalDate on) {
        UUID contributionId = id("contribution");
        add(n -> new ContributionRecorded(n, contributionId, from, null, kind, BigDecimal.valueOf(quantity), unit,
                                          BigDecimal.valueOf(valueEur), capital, ContributionStatus.DELIVERED, on, null, null));
    }

    UUID agreement(String title, AgreementKind kind, RuleTheme theme, List<UUID> parties, LocalDate on) {
        UUID agreementId = id("agreement");
        add(n -> new AgreementMade(n, agreementId, title, kind, theme, parties, null, on, Source.MINUTES, null));
        return agreementId;
    }

    void agreementKept(UUID agreementId, UUID responsible, LocalDate on) {
        add(n -> new AgreementOutcomeRecorded(n, agreementId, AgreementOutcome.KEPT, responsible, on, null, null));
    }

    /** Some of {@code partners}, at least {@code min}, chosen by the script's generator. */
    List<UUID> some(List<UUID> partners, int min) {
        List<UUID> chosen = new ArrayList<>();
        for (UUID partner : partners) {
            if (random.nextInt(100) < 70) {
                chosen.add(partner);
            }
        }
        for (int i = 0; chosen.size() < Math.min(min, partners.size()); i++) {
            if (!chosen.contains(partners.get(i))) {
                chosen.add(partners.get(i));
            }
        }
        return chosen;
    }
}
