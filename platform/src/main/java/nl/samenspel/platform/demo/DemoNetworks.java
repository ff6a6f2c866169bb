package nl.samenspel.platform.demo;

import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.ambition.AmbitionStated;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.evaluation.EvaluationClosed;
import nl.samenspel.kernel.evaluation.EvaluationOpened;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.exchange.BeneficiaryGroup;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ContributionKind;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.exchange.ValueQuestion;
import nl.samenspel.kernel.exchange.ValueRealised;
import nl.samenspel.kernel.meeting.MeetingCancelled;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.Phase;
import nl.samenspel.kernel.network.PhaseChanged;
import nl.samenspel.kernel.people.DepartureReason;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.NetworkRoleAssigned;
import nl.samenspel.kernel.people.RepresentativeDeparted;
import nl.samenspel.kernel.structure.AccountabilityRequested;
import nl.samenspel.kernel.structure.ContextChanged;
import nl.samenspel.kernel.structure.ContextKind;
import nl.samenspel.kernel.structure.Direction;
import nl.samenspel.kernel.structure.RegionalAnalysisShared;
import nl.samenspel.kernel.structure.SubCoalitionDissolved;
import nl.samenspel.kernel.structure.SubCoalitionFormed;
import nl.samenspel.kernel.structure.SuccessAchieved;
import nl.samenspel.kernel.structure.SuccessKind;
import nl.samenspel.kernel.tension.ConflictProgressed;
import nl.samenspel.kernel.tension.ConflictRegistered;
import nl.samenspel.kernel.tension.ConflictResolved;
import nl.samenspel.kernel.tension.Intervention;
import nl.samenspel.kernel.tension.Signal;
import nl.samenspel.kernel.tension.TemperatureMeasured;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The four demo networks of domain.md §7, with fictional names, each a multi-year history that follows a pattern
 * from the practice cases: a care network's dip and restart, an alliance heating up after a quick success, a building
 * team with frequent staff changes, and a learning-working climate programme with capacity dialogues.
 */
public final class DemoNetworks {
    private DemoNetworks() {
    }

    /** All four, ending before {@code today}, the same for the same seed. */
    public static List<DemoScript> all(LocalDate today, long seed) {
        return List.of(noorderkwartier(today, seed), alliantieVijf(today, seed), bouwteamKademuren(today, seed),
                       leerwerkverbondWest(today, seed));
    }

    /** A regional care network: energetic start, a dip in months 12–18, a restart through a shared picture and sub-coalitions. */
    public static DemoScript noorderkwartier(LocalDate today, long seed) {
        DemoScript s = new DemoScript("Zorgnetwerk Noorderkwartier", "zorg", "Noorderkwartier", CollaborationForm.NETWORK,
                "Ouderen wonen langer goed thuis", today.minusMonths(36).withDayOfMonth(5), seed);
        s.namesFrom(0);
        LocalDate start = s.month(0, 10);
        String[][] names = {{"Ziekenhuis Noorderkwartier", "hospital"}, {"Huisartsencoöperatie Noord", "gp-cooperative"},
                {"Thuiszorg De Linde", "elderly-care"}, {"GGZ Kustland", "mental-health"}, {"Gemeente Noorderhaven", "municipality"},
                {"Gemeente Duinwijk", "municipality"}, {"Zorgverzekeraar Kust", "insurer"}, {"Welzijn Noord", "welfare"}};
        List<UUID> partners = new ArrayList<>();
        for (String[] partner : names) {
            partners.add(s.partner(partner[0], partner[1], ParticipationLevel.CORE, start));
        }
        UUID hospital = partners.get(0);
        UUID insurer = partners.get(6);
        String hospitalBoard = null;
        for (UUID partner : partners) {
            String board = s.representative(partner, Level.BOARD, "Directeur", start);
            s.representative(partner, Level.MANAGEMENT, "Manager", start);
            s.representative(partner, Level.PROFESSIONAL, "Zorgprofessional", start);
            if (partner.equals(hospital)) {
                hospitalBoard = board;
            }
        }
        LocalDate ambitionDay = s.month(0, 20);
        s.add(n -> new AmbitionStated(n, 1, "Ouderen wonen langer goed thuis, met zorg dichtbij",
                                      ambitionDay, Source.MINUTES, null));
        for (UUID partner : partners) {
            s.add(n -> new AmbitionEndorsed(n, partner, Level.BOARD, 1, Stance.ENDORSES, ambitionDay, null, null));
        }
        s.add(n -> new PhaseChanged(n, Phase.EXECUTION, "Plannen afgesproken, het werk begint", s.month(2, 1), null, null));
        for (RuleTheme theme : List.of(RuleTheme.PARTICIPATION, RuleTheme.FINANCING, RuleTheme.INFORMATION_SHARING)) {
            s.agreement("Rule on " + theme.name().toLowerCase().replace('_', ' '), AgreementKind.RULE, theme, partners,
                        s.month(1, 3));
        }
        for (int m = 1; m < 36; m++) {
            boolean dip = m >= 12 && m <= 18;
            if (!dip) {
                energeticMonth(s, partners, m);
            } else {
                for (int k = 0; k < 4; k++) {
                    s.meeting("Extra afstemmingsoverleg", MeetingKind.FORMAL, partners.subList(0, 2), Level.MANAGEMENT,
                              s.month(m, 3 + k * 6));
                }
            }
        }
        LocalDate dipStart = s.month(12, 8);
        s.add(n -> new ContextChanged(n, ContextKind.FUNDING, insurer, Direction.NEGATIVE,
                                      "De verzekeraar stopt de transitiefinanciering", dipStart, Source.DOCUMENT, null));
        String departing = hospitalBoard;
        s.add(n -> new RepresentativeDeparted(n, hospital, departing, Level.BOARD, Handover.PARTIAL, DepartureReason.NEW_ROLE,
                                              s.month(12, 15), null, null));
        s.representative(hospital, Level.BOARD, "Directeur", s.month(13, 20));
        s.add(n -> new AccountabilityRequested(n, "Gemeenteraad van Noorderhaven", List.of(partners.get(4)), false,
                                               s.month(13, 10), null, null));
        s.add(n -> new AccountabilityRequested(n, "Inkoopafdeling van de verzekeraar", List.of(insurer), false,
                                               s.month(14, 10), null, null));
        for (int m = 12; m <= 15; m++) {
            int level = m < 14 ? 2 : 3;
            LocalDate on = s.month(m, 25);
            s.add(n -> new TemperatureMeasured(n, null, level, Set.of(Signal.GOAL_DISPUTE, Signal.GUARDEDNESS),
                                               on, Source.OBSERVATION, null));
        }
        s.add(n -> new AmbitionEndorsed(n, insurer, Level.BOARD, 1, Stance.DOUBTS, s.month(13, 2), null, null));
        for (int k = 0; k < 3; k++) {
            s.agreement("Rapportageprotocol " + (k + 1), AgreementKind.GOVERNANCE, null, partners.subList(0, 3), s.month(14, 5 + k));
        }
        s.add(n -> new PhaseChanged(n, Phase.DIP, "De energie is weg, de vergaderingen stapelen zich op", s.month(15, 1), null, null));
        LocalDate analysis = s.month(19, 4);
        s.add(n -> new RegionalAnalysisShared(n, "Regiobeeld van de zorg voor ouderen",
                                              List.of("Opnamecijfers van het ziekenhuis", "Gemeentelijke monitor"),
                                              List.of("Keukentafelgesprekken met bewoners"), partners.subList(0, 7),
                                              analysis, Source.DOCUMENT, null));
        for (int k = 0; k < 3; k++) {
            UUID coalition = s.id("coalition");
            List<UUID> members = List.of(partners.get(k), partners.get(k + 3), partners.get(7));
            String[] topics = {"Van ziekenhuis naar huis", "Eenzaamheid in Duinwijk", "Psychische gezondheid in de wijk"};
            String topic = topics[k];
            LocalDate on = s.month(19, 10 + k * 5);
            s.add(n -> new SubCoalitionFormed(n, coalition, topic, topic, members, on, null, null));
        }
        s.add(n -> new PhaseChanged(n, Phase.RESTART, "Een gedeeld beeld en drie deelcoalities", s.month(20, 1), null, null));
        s.add(n -> new BalanceAssessed(n, insurer, BalanceRating.SKEWED_ACCEPTABLE, s.month(20, 12), null, null));
        String chair = s.person("chair");
        s.add(n -> new NetworkRoleAssigned(n, LeadRole.CHAIR, chair, partners.get(1), true, s.month(1, 1), null, null));
        String coordinatorRef = s.person("coordinator");
        s.add(n -> new NetworkRoleAssigned(n, LeadRole.COORDINATOR, coordinatorRef, partners.get(4), true, s.month(1, 1), null, null));
        String processDirector = s.person("process-director");
        s.add(n -> new NetworkRoleAssigned(n, LeadRole.PROCESS_DIRECTOR, processDirector, partners.get(7), true, s.month(19, 1), null, null));
        return s;
    }

    /** A month of an energetic network: a well-attended meeting, delivered work, a kept promise, evidenced value. */
    private static void energeticMonth(DemoScript s, List<UUID> partners, int m) {
        s.meeting("Netwerktafel", MeetingKind.FORMAL, s.some(partners, (partners.size() + 1) / 2 + 1), Level.BOARD,
                  s.month(m, 6));
        if (m % 2 == 0) {
            s.meeting("Koffie met de professionals", MeetingKind.INFORMAL, s.some(partners, partners.size() / 2 + 1),
                      Level.PROFESSIONAL, s.month(m, 16));
        }
        for (int k = 0; k < 3; k++) {
            UUID from = partners.get(s.random.nextInt(partners.size()));
            s.deliveredContribution(from, k == 0 ? ContributionKind.MONEY : ContributionKind.CAPACITY, k == 0 ? 5_000 : 24,
                                    k == 0 ? Unit.EUR : Unit.HOURS, k == 0 ? 5_000 : 2_400,
                                    k == 2 ? Capital.SOCIAL : Capital.ECONOMIC, s.month(m, 10 + k));
        }
        UUID promise = s.agreement("Toezegging van maand " + m, AgreementKind.PROMISE, null, List.of(partners.get(m % partners.size())),
                                   s.month(m, 4));
        s.agreementKept(promise, partners.get(m % partners.size()), s.month(m, 24));
        if (m % 2 == 1) {
            Capital capital = Capital.values()[m % 3];
            ValueQuestion question = capital == Capital.ECONOMIC ? ValueQuestion.E1
                    : capital == Capital.SOCIAL ? ValueQuestion.S2 : ValueQuestion.C1;
            s.add(n -> new ValueRealised(n, null, BeneficiaryGroup.RESIDENTS, capital, question,
                                         "Zichtbaar resultaat van maand " + m, "Maandmonitor, cijfers van maand " + m,
                                         s.month(m, 26), Source.DOCUMENT, null));
        }
    }

    /** An alliance that wins a large grant in three months, makes no governance agreements, and heats up to conflict. */
    public static DemoScript alliantieVijf(LocalDate today, long seed) {
        DemoScript s = new DemoScript("Alliantie Vijf", "ontwikkelingssamenwerking", "Nationaal", CollaborationForm.ALLIANCE,
                "Gezamenlijk programma voor water en onderwijs in het buitenland", today.minusMonths(24).withDayOfMonth(3), seed);
        s.namesFrom(1);
        List<UUID> partners = new ArrayList<>();
        for (String name : List.of("Stichting Waterkracht", "Leerwereld", "Samen Sterk Internationaal", "Bron en Boek",
                                   "Hulp op Maat")) {
            partners.add(s.partner(name, "development organisation", ParticipationLevel.CORE, s.month(0, 5)));
        }
        for (UUID partner : partners) {
            s.representative(partner, Level.BOARD, "Directeur", s.month(0, 6));
            s.representative(partner, Level.PROFESSIONAL, "Programmamedewerker", s.month(0, 6));
        }
        String coordinatorRef = s.person("coordinator");
        s.add(n -> new NetworkRoleAssigned(n, LeadRole.COORDINATOR, coordinatorRef, partners.get(0), true,
                                           s.month(0, 7), null, null));
        s.add(n -> new SuccessAchieved(n, SuccessKind.GRANT, "Vijfjarige programmasubsidie toegekend", s.month(2, 20),
                                       Source.DOCUMENT, null));
        for (UUID partner : partners) {
            UUID contribution = s.id("contribution");
            s.add(n -> new ContributionRecorded(n, contribution, partner, null, ContributionKind.MONEY,
                                                BigDecimal.valueOf(50_000), Unit.EUR, BigDecimal.valueOf(50_000),
                                                Capital.ECONOMIC, ContributionStatus.PLEDGED, s.month(3, 2), null, null));
        }
        for (int m = 1; m < 24; m++) {
            if (m < 10 || m > 17) {
                s.meeting("Alliantiebestuur", MeetingKind.FORMAL, s.some(partners, 3), Level.BOARD, s.month(m, 12));
            }
        }
        int[][] readings = {{4, 1}, {7, 2}, {10, 3}, {13, 4}, {16, 3}, {19, 2}, {22, 1}};
        for (int[] reading : readings) {
            Set<Signal> signals = reading[1] >= 3 ? Set.of(Signal.CANCELLATIONS, Signal.POSITIONAL_TALK, Signal.RISING_EMOTIONS)
                    : reading[1] == 2 ? Set.of(Signal.GUARDEDNESS) : Set.of();
            s.add(n -> new TemperatureMeasured(n, null, reading[1], signals, s.month(reading[0], 15), Source.OBSERVATION, null));
        }
        s.add(n -> new MeetingCancelled(n, partners.get(2), "Alliantiebestuur", s.month(10, 12), null, null));
        s.add(n -> new MeetingCancelled(n, partners.get(2), "Alliantiebestuur", s.month(11, 12), null, null));
        UUID conflict = s.id("conflict");
        s.add(n -> new ConflictRegistered(n, conflict, List.of(partners.get(0), partners.get(2)),
                                          "Hoe de subsidie over de partners wordt verdeeld", s.month(12, 3), null, null));
        int[][] ladder = {{13, 1}, {14, 2}, {16, 3}, {17, 4}, {18, 5}};
        for (int[] step : ladder) {
            Intervention intervention = step[1] <= 2 ? Intervention.CONVERSATION : Intervention.MEDIATION;
            s.add(n -> new ConflictProgressed(n, conflict, step[1], intervention, s.month(step[0], 8), null, null));
        }
        s.add(n -> new ContextChanged(n, ContextKind.CAPACITY, partners.get(0), Direction.NEGATIVE,
                                      "De coördinator overweegt de alliantie te verlaten", s.month(14, 20), null, null));
        s.add(n -> new ConflictResolved(n, conflict, "Een verdeelsleutel afgesproken met een mediator", s.month(19, 2), null, null));
        s.agreement("Besturing van de alliantie", AgreementKind.GOVERNANCE, null, partners, s.month(19, 10));
        return s;
    }

    /** A building team: a collaboration assessment, a storming phase, newcomers and frequent changes at the work floor. */
    public static DemoScript bouwteamKademuren(LocalDate today, long seed) {
        DemoScript s = new DemoScript("Bouwteam Kademuren", "bouw", "Binnenstad", CollaborationForm.BUILDING_TEAM,
                "De historische kademuren vernieuwen terwijl de stad in beweging blijft", today.minusMonths(15).withDayOfMonth(2), seed);
        s.namesFrom(2);
        UUID municipality = s.partner("Gemeente Havenstad", "municipality", ParticipationLevel.CORE, s.month(0, 3));
        UUID contractorA = s.partner("Aannemer Kade & Co", "contractor", ParticipationLevel.CORE, s.month(0, 3));
        UUID contractorB = s.partner("Funderingstechniek West", "contractor", ParticipationLevel.CORE, s.month(0, 3));
        List<UUID> partners = List.of(municipality, contractorA, contractorB);
        for (UUID partner : partners) {
            s.representative(partner, Level.BOARD, "Directeur", s.month(0, 4));
            s.representative(partner, Level.MANAGEMENT, "Projectleider", s.month(0, 4));
        }
        UUID assessment = s.id("evaluation");
        s.add(n -> new EvaluationOpened(n, assessment, Instrument.FIVE_CONDITIONS, "Samenwerkingsscan", true, null,
                                        s.month(1, 10), null, null));
        int[][] scores = {{4, 2, 3, 3, 3}, {3, 2, 2, 3, 2}, {4, 3, 2, 2, 3}};
        for (int i = 0; i < 3; i++) {
            UUID respondent = partners.get(i);
            List<Integer> answer = List.of(scores[i][0], scores[i][1], scores[i][2], scores[i][3], scores[i][4]);
            s.add(n -> new EvaluationResponseRecorded(n, assessment, respondent, Level.MANAGEMENT, false, answer, null,
                                                      s.month(1, 14), null, null));
        }
        s.add(n -> new EvaluationClosed(n, assessment, s.month(1, 28), null, null));
        for (int m = 3; m <= 5; m++) {
            int level = m == 4 ? 3 : 2;
            LocalDate on = s.month(m, 20);
            s.add(n -> new TemperatureMeasured(n, null, level, Set.of(Signal.DEFENSIVENESS, Signal.LANGUAGE_CONFUSION),
                                               on, null, null));
        }
        for (int m = 1; m < 15; m++) {
            s.meeting("Bouwteamoverleg", MeetingKind.FORMAL, partners, Level.MANAGEMENT, s.month(m, 5));
        }
        for (int k = 0; k < 5; k++) {
            UUID partner = partners.get(1 + k % 2);
            int month = 2 + k * 2;
            String worker = s.representative(partner, Level.PROFESSIONAL, "Uitvoerder", s.month(month, 1));
            s.add(n -> new RepresentativeDeparted(n, partner, worker, Level.PROFESSIONAL, Handover.NONE,
                                                  DepartureReason.LEFT_ORGANISATION, s.month(month + 1, 10), null, null));
        }
        return s;
    }

    /** The learning-working climate programme: 18 care organisations, 3 vocational schools, 29 initiatives, capacity dialogues. */
    public static DemoScript leerwerkverbondWest(LocalDate today, long seed) {
        DemoScript s = new DemoScript("Leerwerkverbond West", "zorg en onderwijs", "West", CollaborationForm.PROGRAMME,
                "Een goed leer-werkklimaat dat studenten en nieuwe medewerkers voor de zorg behoudt", today.minusMonths(20).withDayOfMonth(4),
                seed);
        s.namesFrom(3);
        List<UUID> care = new ArrayList<>();
        for (int i = 1; i <= 18; i++) {
            care.add(s.partner("Zorgorganisatie West " + i, "care provider", ParticipationLevel.PARTICIPANT, s.month(0, 5)));
        }
        List<UUID> schools = new ArrayList<>();
        for (String name : List.of("ROC Westkust", "Vakschool Zorg West", "Hogeschool Kustzorg")) {
            schools.add(s.partner(name, "vocational school", ParticipationLevel.CORE, s.month(0, 5)));
        }
        List<UUID> all = new ArrayList<>(care);
        all.addAll(schools);
        java.util.Map<UUID, String> boardMembers = new java.util.HashMap<>();
        for (UUID partner : all) {
            boardMembers.put(partner, s.representative(partner, Level.BOARD, "Bestuurder", s.month(0, 6)));
        }
        List<UUID> initiatives = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            UUID coalition = s.id("coalition");
            initiatives.add(coalition);
            List<UUID> members = List.of(schools.get(i % 3), care.get(i % 18), care.get((i + 7) % 18));
            String initiative = "Initiatief " + (i + 1) + ": leren op de afdeling";
            LocalDate on = s.month(1 + i / 10, 3 + i % 20);
            s.add(n -> new SubCoalitionFormed(n, coalition, initiative, "Werkplekleren voor studenten", members,
                                              on, null, null));
        }
        int round = 0;
        for (int m : new int[]{3, 9, 15}) {
            UUID dialogue = s.id("evaluation");
            int r = round++;
            s.add(n -> new EvaluationOpened(n, dialogue, Instrument.LEARNING_CLIMATE, "Capaciteitsdialoog " + (r + 1), true,
                                            null, s.month(m, 1), null, null));
            for (UUID partner : all) {
                int absorptive = clamp(6 + s.random.nextInt(3) - 1 + r);
                int connecting = clamp(8 + s.random.nextInt(2));
                int training = clamp(5 + s.random.nextInt(3) + r);
                int learning = clamp(3 + s.random.nextInt(3) + r / 2);
                s.add(n -> new EvaluationResponseRecorded(n, dialogue, partner, Level.PROFESSIONAL, true,
                                                          List.of(absorptive, connecting, training, learning), null,
                                                          s.month(m, 10), null, null));
            }
            s.add(n -> new EvaluationClosed(n, dialogue, s.month(m, 28), null, null));
        }
        for (int k : new int[]{4, 11}) {
            UUID partner = care.get(k);
            String boardMember = boardMembers.get(partner);
            s.add(n -> new RepresentativeDeparted(n, partner, boardMember, Level.BOARD, Handover.PARTIAL,
                                                  DepartureReason.REORGANISATION, s.month(7 + k / 4, 12), null, null));
            s.representative(partner, Level.BOARD, "Bestuurder", s.month(9 + k / 4, 1));
        }
        s.add(n -> new ContextChanged(n, ContextKind.REORGANISATION, care.get(5), Direction.NEGATIVE,
                                      "Een reorganisatie legt één initiatief stil", s.month(12, 2), null, null));
        UUID stalled = initiatives.get(5);
        s.add(n -> new SubCoalitionDissolved(n, stalled, s.month(12, 20), null, null));
        for (int m = 1; m < 20; m++) {
            s.meeting("Programmatafel", MeetingKind.FORMAL, s.some(all, 11), Level.BOARD, s.month(m, 8));
        }
        return s;
    }

    private static int clamp(int score) {
        return Math.max(1, Math.min(10, score));
    }
}
