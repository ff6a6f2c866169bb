package nl.samenspel.query.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.Phase;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.structure.ContextKind;
import nl.samenspel.kernel.structure.Direction;
import nl.samenspel.kernel.tension.Intervention;
import nl.samenspel.kernel.tension.Signal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static nl.samenspel.query.facts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fold, group by group, on small hand-built histories, read through the views a network page uses. */
class NetworkFactsTest {
    private static final UUID HOSPITAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID SCHOOL = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID TOWN = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final String TODAY = "2025-06-01";

    private Events.Log log;

    @BeforeEach
    void foundWithThreePartners() {
        log = new Events.Log();
        log.add(founded("Zorgnetwerk Noorderkwartier", "2024-01-10"));
        log.add(joined(HOSPITAL, "Ziekenhuis Noord", ParticipationLevel.CORE, "2024-02-01"));
        log.add(joined(SCHOOL, "ROC Noord", ParticipationLevel.PARTICIPANT, "2024-02-01"));
        log.add(joined(TOWN, "Gemeente Noord", ParticipationLevel.CORE, "2024-02-02"));
    }

    private FactsView view() {
        return log.view(TODAY);
    }

    private static FactsView.PartnerView partner(List<FactsView.PartnerView> partners, UUID id) {
        return partners.stream().filter(p -> p.partnerId().equals(id)).findFirst().orElseThrow();
    }

    private static FactsView.LevelRepresentatives level(FactsView.PartnerView partner, Level level) {
        return partner.representatives().stream().filter(r -> r.level() == level).findFirst().orElseThrow();
    }

    @Nested
    class Partners {
        @Test
        void theNetworkAndItsPartnersAreFoldedFromTheLog() {
            assertThat(view().network().name()).isEqualTo("Zorgnetwerk Noorderkwartier");
            assertThat(view().network().foundedOn()).isEqualTo(day("2024-01-10"));
            assertThat(view().partners()).extracting(FactsView.PartnerView::name)
                                         .containsExactly("Ziekenhuis Noord", "ROC Noord", "Gemeente Noord");
            assertThat(partner(view().partners(), HOSPITAL).participationLevel()).isEqualTo(ParticipationLevel.CORE);
        }

        @Test
        void theParticipationLevelIsTheOneWithTheLatestBusinessDateNotTheOneLoggedLast() {
            log.add(participation(HOSPITAL, ParticipationLevel.ASSOCIATE, "2024-09-01"));
            log.add(participation(HOSPITAL, ParticipationLevel.PARTICIPANT, "2024-05-01"));

            FactsView.PartnerView hospital = partner(view().partners(), HOSPITAL);
            assertThat(hospital.participationLevel()).isEqualTo(ParticipationLevel.ASSOCIATE);
            assertThat(hospital.participationHistory()).extracting(Partner.LevelChange::level)
                    .containsExactly(ParticipationLevel.CORE, ParticipationLevel.PARTICIPANT, ParticipationLevel.ASSOCIATE);
        }

        @Test
        void aWithdrawnPartnerStaysListedButIsNoLongerActive() {
            log.add(appointed(SCHOOL, "p-1", Level.BOARD, "director", "2024-02-01"));
            log.add(withdrew(SCHOOL, "budget cuts", "2024-11-01"));

            FactsView.PartnerView school = partner(view().partners(), SCHOOL);
            assertThat(school.active()).isFalse();
            assertThat(school.withdrawnOn()).isEqualTo(day("2024-11-01"));
            assertThat(school.withdrawalReason()).isEqualTo("budget cuts");
            assertThat(partner(view().partners(), HOSPITAL).active()).isTrue();
            assertThat(view().partners()).filteredOn(FactsView.PartnerView::active).hasSize(2);
        }
    }

    @Nested
    class PeopleAndRoles {
        @Test
        void representativesArePerPartnerAndLevelCurrentAndPastNamedFromTheDirectory() {
            log.add(appointed(HOSPITAL, "p-anna", Level.BOARD, "director", "2024-02-01"));
            log.add(appointed(HOSPITAL, "p-bert", Level.PROFESSIONAL, "nurse", "2024-02-01"));
            log.add(departed(HOSPITAL, "p-anna", Level.BOARD, Handover.PARTIAL, "2024-10-01"));
            log.add(appointed(HOSPITAL, "p-carla", Level.BOARD, "director", "2024-10-15"));
            PersonNames names = Map.of("p-anna", "erased", "p-carla", "Carla Visser")::get;

            FactsView.PartnerView hospital = partner(view().partnersWithPeople(
                    ref -> names.displayName(ref) == null ? PersonNames.UNKNOWN : names.displayName(ref)), HOSPITAL);

            FactsView.LevelRepresentatives board = level(hospital, Level.BOARD);
            assertThat(board.currentCount()).isEqualTo(1);
            assertThat(board.current()).singleElement().satisfies(r -> {
                assertThat(r.personRef()).isEqualTo("p-carla");
                assertThat(r.displayName()).isEqualTo("Carla Visser");
                assertThat(r.appointedOn()).isEqualTo(day("2024-10-15"));
            });
            assertThat(board.past()).singleElement().satisfies(r -> {
                assertThat(r.displayName()).isEqualTo("erased");
                assertThat(r.departedOn()).isEqualTo(day("2024-10-01"));
                assertThat(r.handover()).isEqualTo(Handover.PARTIAL);
            });
            assertThat(level(hospital, Level.PROFESSIONAL).current()).singleElement()
                    .satisfies(r -> assertThat(r.displayName()).isEqualTo(PersonNames.UNKNOWN));
            assertThat(level(hospital, Level.MANAGEMENT).currentCount()).isZero();
        }

        @Test
        void withoutPeopleRepresentativesShowOnlyRoleAndLevel() {
            log.add(appointed(HOSPITAL, "p-anna", Level.BOARD, "director", "2024-02-01"));

            FactsView.LevelRepresentatives board = level(partner(view().partners(), HOSPITAL), Level.BOARD);
            assertThat(board.current()).singleElement().satisfies(r -> {
                assertThat(r.role()).isEqualTo("director");
                assertThat(r.personRef()).isNull();
                assertThat(r.displayName()).isNull();
            });
        }

        @Test
        void aDepartureWithoutAnAppointmentIsStillListedAsPast() {
            log.add(departed(SCHOOL, "p-x", Level.MANAGEMENT, Handover.NONE, "2024-05-01"));

            FactsView.LevelRepresentatives management = level(partner(view().partners(), SCHOOL), Level.MANAGEMENT);
            assertThat(management.current()).isEmpty();
            assertThat(management.past()).singleElement()
                    .satisfies(r -> assertThat(r.appointedOn()).isNull());
        }

        @Test
        void networkRolesAreActiveUntilTheyEnd() {
            log.add(roleAssigned(LeadRole.CHAIR, "p-anna", HOSPITAL, "2024-02-01"));
            log.add(roleAssigned(LeadRole.COORDINATOR, "p-bert", TOWN, "2024-02-01"));
            log.add(roleEnded(LeadRole.CHAIR, "p-anna", HOSPITAL, "2024-12-01"));
            log.add(roleAssigned(LeadRole.CHAIR, "p-carla", SCHOOL, "2024-12-01"));

            FactsView.RolesView roles = view().rolesWithPeople(ref -> "name of " + ref);
            assertThat(roles.active()).extracting(FactsView.RoleView::role, FactsView.RoleView::personRef)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(LeadRole.COORDINATOR, "p-bert"),
                                     org.assertj.core.groups.Tuple.tuple(LeadRole.CHAIR, "p-carla"));
            assertThat(roles.ended()).singleElement().satisfies(r -> {
                assertThat(r.personRef()).isEqualTo("p-anna");
                assertThat(r.displayName()).isEqualTo("name of p-anna");
                assertThat(r.endedOn()).isEqualTo(day("2024-12-01"));
                assertThat(r.partnerId()).isEqualTo(HOSPITAL);
            });
            assertThat(view().roles().active()).allSatisfy(r -> assertThat(r.personRef()).isNull());
        }
    }

    @Nested
    class AmbitionAndInterests {
        @Test
        void theCurrentAmbitionIsTheHighestVersionAndEachPartnerLevelKeepsItsLatestStance() {
            log.add(ambition(1, "Care close to home", "2024-02-10"));
            log.add(ambition(2, "Care close to home, together with residents", "2024-09-10"));
            log.add(stance(HOSPITAL, Level.BOARD, 1, Stance.ENDORSES, "2024-03-01"));
            log.add(stance(HOSPITAL, Level.BOARD, 2, Stance.DOUBTS, "2024-10-01"));
            log.add(stance(HOSPITAL, Level.MANAGEMENT, 2, Stance.ENDORSES, "2024-10-01"));
            log.add(stance(SCHOOL, Level.BOARD, 2, Stance.REJECTS, "2024-09-20"));
            log.add(stance(SCHOOL, Level.BOARD, 2, Stance.ENDORSES, "2024-09-15"));

            FactsView.AmbitionView ambition = view().ambition();
            assertThat(ambition.currentVersion()).isEqualTo(2);
            assertThat(ambition.currentStatement()).contains("residents");
            assertThat(ambition.versions()).extracting(AmbitionVersion::version).containsExactly(1, 2);
            assertThat(ambition.latestStances()).hasSize(3);
            assertThat(ambition.latestStances())
                    .filteredOn(s -> s.partnerId().equals(HOSPITAL) && s.level() == Level.BOARD).singleElement()
                    .satisfies(s -> assertThat(s.stance()).isEqualTo(Stance.DOUBTS));
            assertThat(ambition.latestStances()).filteredOn(s -> s.partnerId().equals(SCHOOL)).singleElement()
                    .satisfies(s -> assertThat(s.stance()).isEqualTo(Stance.REJECTS));
            assertThat(ambition.endorsements()).hasSize(5);
        }

        @Test
        void interestsAreListedInBusinessDateOrder() {
            log.add(interest(TOWN, "fewer hospital admissions", "2024-06-01"));
            log.add(interest(HOSPITAL, "shorter waiting lists", "2024-03-01"));

            assertThat(view().interests()).extracting(Interest::summary)
                                          .containsExactly("shorter waiting lists", "fewer hospital admissions");
        }
    }

    @Nested
    class Agreements {
        private final UUID kept = UUID.randomUUID();
        private final UUID late = UUID.randomUUID();
        private final UUID renegotiated = UUID.randomUUID();
        private final UUID notYetDue = UUID.randomUUID();
        private final UUID withoutDueDate = UUID.randomUUID();

        @Test
        void anAgreementIsOverdueWhenStillOpenPastItsDueDate() {
            log.add(agreement(kept, "Share data", List.of(HOSPITAL, TOWN), "2024-06-01", "2024-03-01"));
            log.add(outcome(kept, AgreementOutcome.KEPT, HOSPITAL, "2024-05-20"));
            log.add(agreement(late, "Pay the coordinator", List.of(TOWN), "2024-06-01", "2024-03-01"));
            log.add(agreement(renegotiated, "Joint training", List.of(SCHOOL), "2024-06-01", "2024-03-01"));
            log.add(outcome(renegotiated, AgreementOutcome.RENEGOTIATED, SCHOOL, "2024-05-01"));
            log.add(agreement(notYetDue, "Evaluate", List.of(SCHOOL), "2025-06-02", "2024-03-01"));
            log.add(agreement(withoutDueDate, "Meet monthly", List.of(SCHOOL), null, "2024-03-01"));

            Map<UUID, FactsView.AgreementView> byId = new java.util.HashMap<>();
            view().agreements().forEach(a -> byId.put(a.agreementId(), a));
            assertThat(byId.get(kept).outcome()).isEqualTo(AgreementOutcome.KEPT);
            assertThat(byId.get(kept).open()).isFalse();
            assertThat(byId.get(kept).overdue()).isFalse();
            assertThat(byId.get(late).overdue()).isTrue();
            assertThat(byId.get(renegotiated).open()).isTrue();
            assertThat(byId.get(renegotiated).overdue()).isTrue();
            assertThat(byId.get(notYetDue).overdue()).isFalse();
            assertThat(byId.get(withoutDueDate).overdue()).isFalse();
            assertThat(log.view("2024-05-31").agreements()).noneMatch(FactsView.AgreementView::overdue);
        }

        @Test
        void everyOutcomeIsKeptAndTheOneWithTheLatestDateCounts() {
            log.add(agreement(kept, "Share data", List.of(HOSPITAL, TOWN), "2024-06-01", "2024-03-01"));
            log.add(outcome(kept, AgreementOutcome.KEPT, HOSPITAL, "2024-07-01"));
            log.add(outcome(kept, AgreementOutcome.BROKEN, TOWN, "2024-05-01"));

            FactsView.AgreementView agreement = view().agreements().get(0);
            assertThat(agreement.outcome()).isEqualTo(AgreementOutcome.KEPT);
            assertThat(agreement.outcomes()).extracting(Agreement.Outcome::outcome)
                                            .containsExactly(AgreementOutcome.BROKEN, AgreementOutcome.KEPT);
            assertThat(agreement.partyIds()).containsExactly(HOSPITAL, TOWN);
        }
    }

    @Nested
    class GiveAndTake {
        private final UUID money = UUID.randomUUID();
        private final UUID hours = UUID.randomUUID();
        private final UUID room = UUID.randomUUID();

        @Test
        void contributionsArePledgedDeliveredOrWithdrawnWithWhoGaveToWhom() {
            log.add(contribution(money, TOWN, null, "25000.50", Unit.EUR, "25000.50", ContributionStatus.PLEDGED,
                                 "2024-03-01"));
            log.add(contribution(hours, HOSPITAL, SCHOOL, "120", Unit.HOURS, null, ContributionStatus.DELIVERED,
                                 "2024-04-01"));
            log.add(contribution(room, SCHOOL, null, "1", Unit.ITEMS, "0", ContributionStatus.PLEDGED, "2024-04-02"));
            log.add(contributionStatus(money, ContributionStatus.DELIVERED, "2024-06-01"));
            log.add(contributionStatus(room, ContributionStatus.WITHDRAWN, "2024-06-01"));

            List<Contribution> contributions = view().contributions();
            assertThat(contributions).extracting(Contribution::contributionId, Contribution::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(money, ContributionStatus.DELIVERED),
                    org.assertj.core.groups.Tuple.tuple(hours, ContributionStatus.DELIVERED),
                    org.assertj.core.groups.Tuple.tuple(room, ContributionStatus.WITHDRAWN));
            Contribution first = contributions.get(0);
            assertThat(first.fromPartnerId()).isEqualTo(TOWN);
            assertThat(first.toPartnerId()).as("to the network").isNull();
            assertThat(first.quantity()).isEqualByComparingTo("25000.50");
            assertThat(first.estimatedValueEur()).isEqualByComparingTo(new BigDecimal("25000.50"));
            assertThat(first.capital()).isEqualTo(Capital.SOCIAL);
            assertThat(first.statusHistory()).extracting(Contribution.StatusChange::status)
                                             .containsExactly(ContributionStatus.PLEDGED, ContributionStatus.DELIVERED);
            assertThat(contributions.get(1).toPartnerId()).isEqualTo(SCHOOL);
            assertThat(contributions.get(1).unit()).isEqualTo(Unit.HOURS);
        }

        @Test
        void valueClaimsCarryTheirEvidence() {
            log.add(value(HOSPITAL, Capital.ECONOMIC, "readmission figures 2024", "2024-09-01"));
            log.add(value(null, Capital.CULTURAL, "shared protocol", "2024-08-01"));

            assertThat(view().valueClaims()).extracting(ValueClaim::evidence)
                                            .containsExactly("shared protocol", "readmission figures 2024");
            assertThat(view().valueClaims().get(1).beneficiaryPartnerId()).isEqualTo(HOSPITAL);
        }

        @Test
        void theBalanceShowsEachPartnersLatestRatingAndAllRatings() {
            log.add(balance(HOSPITAL, BalanceRating.BALANCED, "2024-03-01"));
            log.add(balance(TOWN, BalanceRating.SKEWED_ACCEPTABLE, "2024-04-01"));
            log.add(balance(HOSPITAL, BalanceRating.UNFAIR, "2024-10-01"));
            log.add(balance(HOSPITAL, BalanceRating.SKEWED_ACCEPTABLE, "2024-06-01"));

            FactsView.BalanceView balance = view().balance();
            assertThat(balance.latest()).extracting(BalanceAssessment::partnerId, BalanceAssessment::rating)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(HOSPITAL, BalanceRating.UNFAIR),
                                               org.assertj.core.groups.Tuple.tuple(TOWN, BalanceRating.SKEWED_ACCEPTABLE));
            assertThat(balance.history()).hasSize(4);
            assertThat(balance.history().get(0).note()).isEqualTo("as felt in 2024-03-01");
        }
    }

    @Nested
    class Evaluations {
        private final UUID evaluation = UUID.randomUUID();

        @BeforeEach
        void open() {
            log.add(evaluation(evaluation, Instrument.FIVE_CONDITIONS, "2024-11-01"));
            log.add(response(evaluation, HOSPITAL, Level.BOARD, false, List.of(4, 4, 3, 2, 5), "good start", "2024-11-02"));
        }

        @Test
        void belowThreeAnonymousAnswersOnlyTheirNumberIsShown() {
            log.add(response(evaluation, SCHOOL, Level.PROFESSIONAL, true, List.of(1, 1, 1, 1, 1), "we feel unheard",
                             "2024-11-03"));
            log.add(response(evaluation, TOWN, Level.MANAGEMENT, true, List.of(2, 2, 2, 2, 2), null, "2024-11-04"));

            FactsView.EvaluationView view = view().evaluations().get(0);
            assertThat(view.responseCount()).isEqualTo(3);
            assertThat(view.anonymous().count()).isEqualTo(2);
            assertThat(view.anonymous().shown()).isFalse();
            assertThat(view.anonymous().answers()).isNull();
            assertThat(view.responses()).singleElement().satisfies(r -> {
                assertThat(r.partnerId()).isEqualTo(HOSPITAL);
                assertThat(r.level()).isEqualTo(Level.BOARD);
                assertThat(r.comment()).isEqualTo("good start");
            });
            assertThat(json(view)).doesNotContain("we feel unheard").doesNotContain(SCHOOL.toString())
                                  .doesNotContain(TOWN.toString());
        }

        @Test
        void fromThreeAnonymousAnswersTheyAreShownWithoutRespondentLevelOrDate() {
            log.add(response(evaluation, SCHOOL, Level.PROFESSIONAL, true, List.of(1, 1, 1, 1, 1), "we feel unheard",
                             "2024-11-03"));
            log.add(response(evaluation, TOWN, Level.MANAGEMENT, true, List.of(2, 2, 2, 2, 2), null, "2024-11-04"));
            log.add(response(evaluation, HOSPITAL, Level.PROFESSIONAL, true, List.of(3, 3, 3, 3, 3), "ok",
                             "2024-11-05"));

            FactsView.EvaluationView view = view().evaluations().get(0);
            assertThat(view.anonymous().count()).isEqualTo(3);
            assertThat(view.anonymous().shown()).isTrue();
            assertThat(view.anonymous().answers()).extracting(Evaluation.AnonymousAnswer::comment)
                                                  .containsExactlyInAnyOrder("we feel unheard", null, "ok");
            String json = json(view);
            assertThat(json).contains("we feel unheard").doesNotContain(SCHOOL.toString())
                            .doesNotContain(TOWN.toString()).doesNotContain("2024-11-03").doesNotContain("professional");
            assertThat(json(log.fold().snapshot().evaluations())).as("not even the stored read model holds who answered")
                                                   .doesNotContain(SCHOOL.toString()).doesNotContain("2024-11-04");
        }

        @Test
        void anEvaluationIsOpenUntilClosed() {
            assertThat(view().evaluations().get(0).open()).isTrue();
            log.add(evaluationClosed(evaluation, "2024-12-01"));

            FactsView.EvaluationView closed = view().evaluations().get(0);
            assertThat(closed.open()).isFalse();
            assertThat(closed.closedOn()).isEqualTo(day("2024-12-01"));
            assertThat(closed.instrument()).isEqualTo(Instrument.FIVE_CONDITIONS);
            assertThat(closed.joint()).isTrue();
        }

        @Test
        void improvementActionsAreOverdueWhenNotCompletedByTheirDueDate() {
            UUID done = UUID.randomUUID();
            UUID late = UUID.randomUUID();
            UUID pending = UUID.randomUUID();
            log.add(action(done, evaluation, HOSPITAL, "2025-01-01", "2024-12-01"));
            log.add(action(late, evaluation, TOWN, "2025-03-01", "2024-12-01"));
            log.add(action(pending, null, SCHOOL, "2025-09-01", "2024-12-01"));
            log.add(actionCompleted(done, "2025-02-01"));

            Map<UUID, FactsView.ActionView> byId = new java.util.HashMap<>();
            view().improvementActions().forEach(a -> byId.put(a.actionId(), a));
            assertThat(byId.get(done).completed()).isTrue();
            assertThat(byId.get(done).overdue()).as("completed late, but completed").isFalse();
            assertThat(byId.get(late).overdue()).isTrue();
            assertThat(byId.get(pending).overdue()).isFalse();
            assertThat(byId.get(done).evaluationId()).isEqualTo(evaluation);
        }
    }

    @Nested
    class TensionAndMeetings {
        @Test
        void theLatestTemperaturePerScopeTreatsAPairAsUnordered() {
            log.add(temperature(null, 1, Set.of(), "2024-03-01"));
            log.add(temperature(List.of(HOSPITAL, TOWN), 2, Set.of(Signal.GUARDEDNESS), "2024-04-01"));
            log.add(temperature(List.of(TOWN, HOSPITAL), 3, Set.of(Signal.GOAL_DISPUTE, Signal.CANCELLATIONS),
                                "2024-05-01"));
            log.add(temperature(null, 2, Set.of(Signal.AVOIDED_TOPICS), "2024-02-01"));

            FactsView.TemperatureView temperature = view().temperature();
            assertThat(temperature.readings()).hasSize(4);
            assertThat(temperature.latest()).extracting(TemperatureReading::scope, TemperatureReading::level)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("network", 1),
                                               org.assertj.core.groups.Tuple.tuple("pair", 3));
            assertThat(temperature.latest()).filteredOn(r -> r.pair() != null).singleElement()
                    .satisfies(r -> assertThat(r.pair()).containsExactlyInAnyOrder(HOSPITAL, TOWN));
        }

        @Test
        void aConflictKeepsItsLadderHistoryAndIsOpenUntilResolved() {
            UUID conflict = UUID.randomUUID();
            log.add(conflict(conflict, List.of(HOSPITAL, TOWN), "2024-05-01"));
            log.add(ladder(conflict, 1, Intervention.CONVERSATION, "2024-05-10"));
            log.add(ladder(conflict, 3, Intervention.MEDIATION, "2024-07-01"));
            log.add(ladder(conflict, 2, Intervention.FACILITATED_SESSION, "2024-06-01"));

            FactsView.ConflictView open = view().conflicts().get(0);
            assertThat(open.open()).isTrue();
            assertThat(open.ladderStep()).isEqualTo(3);
            assertThat(open.ladder()).extracting(Conflict.LadderStep::step).containsExactly(1, 2, 3);

            log.add(resolved(conflict, "new funding split", "2024-08-01"));
            FactsView.ConflictView resolved = view().conflicts().get(0);
            assertThat(resolved.open()).isFalse();
            assertThat(resolved.resolution()).isEqualTo("new funding split");
        }

        @Test
        void meetingsKeepTheirAttendanceAndCancellationsAreListedApart() {
            UUID meeting = UUID.randomUUID();
            log.add(meeting(meeting, MeetingKind.FORMAL, List.of(new Attendance(HOSPITAL, Level.BOARD),
                                                                 new Attendance(TOWN, Level.MANAGEMENT)), "2024-04-01"));
            log.add(cancelled(SCHOOL, "steering group", "2024-05-01"));

            FactsView.MeetingsView meetings = view().meetings();
            assertThat(meetings.held()).singleElement().satisfies(m -> {
                assertThat(m.meetingId()).isEqualTo(meeting);
                assertThat(m.attendance()).containsExactly(new Attendance(HOSPITAL, Level.BOARD),
                                                           new Attendance(TOWN, Level.MANAGEMENT));
            });
            assertThat(meetings.cancellations()).singleElement()
                    .satisfies(c -> assertThat(c.cancelledByPartnerId()).isEqualTo(SCHOOL));
        }
    }

    @Nested
    class StructureAndContext {
        @Test
        void aSubCoalitionShowsItsLatestCompositionAndWhenItWasDissolved() {
            UUID coalition = UUID.randomUUID();
            log.add(coalitionFormed(coalition, "Nachtzorg", List.of(HOSPITAL, TOWN), "2024-04-01"));
            log.add(coalitionChanged(coalition, "Nachtzorg en thuiszorg", List.of(HOSPITAL, TOWN, SCHOOL), "2024-06-01"));

            FactsView.SubCoalitionView active = view().subCoalitions().get(0);
            assertThat(active.name()).isEqualTo("Nachtzorg en thuiszorg");
            assertThat(active.memberIds()).containsExactly(HOSPITAL, TOWN, SCHOOL);
            assertThat(active.active()).isTrue();
            assertThat(active.history()).hasSize(2);

            log.add(coalitionDissolved(coalition, "2024-12-01"));
            assertThat(view().subCoalitions().get(0).active()).isFalse();
        }

        @Test
        void theContextHoldsPhasesChangesRequestsSuccessesAndAnalyses() {
            log.add(phase(Phase.EXECUTION, "2024-06-01"));
            log.add(phase(Phase.EXPLORATION, "2024-02-15"));
            log.add(context(ContextKind.FUNDING, TOWN, Direction.NEGATIVE, "2024-07-01"));
            log.add(accountability("Ministry", List.of(HOSPITAL, TOWN), false, "2024-08-01"));
            log.add(success("Regional grant", "2024-09-01"));
            log.add(analysis("Regiobeeld 2024", List.of(HOSPITAL, SCHOOL, TOWN), "2024-10-01"));

            FactsView.ContextView context = view().context();
            assertThat(context.phase()).isEqualTo(Phase.EXECUTION);
            assertThat(context.phaseHistory()).extracting(PhaseStep::phase).containsExactly(Phase.EXPLORATION, Phase.EXECUTION);
            assertThat(context.changes()).singleElement().satisfies(c -> {
                assertThat(c.direction()).isEqualTo(Direction.NEGATIVE);
                assertThat(c.partnerId()).isEqualTo(TOWN);
            });
            assertThat(context.accountabilityRequests()).singleElement()
                    .satisfies(r -> assertThat(r.alignedWithOtherRequests()).isFalse());
            assertThat(context.successes()).extracting(Success::title).containsExactly("Regional grant");
            assertThat(context.regionalAnalyses()).singleElement().satisfies(a -> {
                assertThat(a.quantitativeSources()).containsExactly("CBS figures");
                assertThat(a.endorsingPartnerIds()).containsExactly(HOSPITAL, SCHOOL, TOWN);
            });
        }
    }

    @Nested
    class Corrections {
        @Test
        void aCorrectionChangesAFact() {
            UUID agreement = UUID.randomUUID();
            String made = log.add(agreement(agreement, "Pay the coordinator", List.of(TOWN), "2024-06-01", "2024-03-01"));
            assertThat(view().agreements().get(0).overdue()).isTrue();

            log.add(corrected(made, agreement(agreement, "Pay the coordinator", List.of(TOWN), "2025-12-31",
                                              "2024-03-01"), "2024-07-01"));

            FactsView.AgreementView corrected = view().agreements().get(0);
            assertThat(corrected.dueOn()).isEqualTo(day("2025-12-31"));
            assertThat(corrected.overdue()).isFalse();
            assertThat(corrected.eventId()).as("still the original entry in the log").isEqualTo(made);
            assertThat(view().corrections()).singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo(EffectiveHistory.Status.APPLIED));
        }

        @Test
        void aRetractionRemovesAFact() {
            UUID hours = UUID.randomUUID();
            String recorded = log.add(contribution(hours, HOSPITAL, null, "40", Unit.HOURS, null,
                                                   ContributionStatus.DELIVERED, "2024-04-01"));
            log.add(contributionStatus(hours, ContributionStatus.WITHDRAWN, "2024-05-01"));
            log.add(retracted(recorded, "2024-06-01"));

            assertThat(view().contributions()).isEmpty();
        }

        @Test
        void retractingAJoinRemovesThePartnerAndCorrectingAWithdrawalMovesItsDate() {
            String schoolJoined = "e3";
            String withdrawal = log.add(withdrew(TOWN, "reorganisation", "2024-05-01"));
            log.add(retracted(schoolJoined, "2024-06-01"));
            log.add(corrected(withdrawal, withdrew(TOWN, "reorganisation", "2024-04-01"), "2024-06-02"));

            assertThat(view().partners()).extracting(FactsView.PartnerView::partnerId).containsExactly(HOSPITAL, TOWN);
            assertThat(partner(view().partners(), TOWN).withdrawnOn()).isEqualTo(day("2024-04-01"));
        }

        @Test
        void aCorrectedAnonymousAnswerCanTakeTheEvaluationBelowTheMinimum() {
            UUID evaluation = UUID.randomUUID();
            log.add(evaluation(evaluation, Instrument.LEARNING_CLIMATE, "2024-11-01"));
            log.add(response(evaluation, HOSPITAL, Level.BOARD, true, List.of(7, 7, 7, 7), null, "2024-11-02"));
            log.add(response(evaluation, SCHOOL, Level.BOARD, true, List.of(6, 6, 6, 6), null, "2024-11-02"));
            String third = log.add(response(evaluation, TOWN, Level.BOARD, true, List.of(5, 5, 5, 5), "x", "2024-11-02"));
            assertThat(view().evaluations().get(0).anonymous().shown()).isTrue();

            log.add(corrected(third, response(evaluation, TOWN, Level.BOARD, false, List.of(5, 5, 5, 5), "x",
                                              "2024-11-02"), "2024-11-03"));

            FactsView.EvaluationView evaluationView = view().evaluations().get(0);
            assertThat(evaluationView.anonymous().count()).isEqualTo(2);
            assertThat(evaluationView.anonymous().shown()).isFalse();
            assertThat(evaluationView.responses()).extracting(Evaluation.Response::partnerId).containsExactly(TOWN);
        }

        @Test
        void aCorrectionCannotBeAppliedWithoutTheLog() {
            NetworkFacts facts = log.fold();

            assertThatThrownBy(() -> facts.apply("e9", retracted("e2", "2024-06-01")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void foldingEntryByEntryFromStoredSnapshotsGivesTheSameFactsAsFoldingTheWholeLog() {
        UUID agreement = UUID.randomUUID();
        UUID evaluation = UUID.randomUUID();
        String made = log.add(agreement(agreement, "Share data", List.of(HOSPITAL, TOWN), "2024-06-01", "2024-03-01"));
        log.add(outcome(agreement, AgreementOutcome.KEPT, HOSPITAL, "2024-05-20"));
        log.add(evaluation(evaluation, Instrument.NETWORK_VALUE, "2024-11-01"));
        log.add(response(evaluation, SCHOOL, Level.BOARD, true, List.of(1, 2, 3, 4, 5, 4, 3, 2), null, "2024-11-02"));
        log.add(corrected(made, agreement(agreement, "Share all data", List.of(HOSPITAL, TOWN), "2024-06-01",
                                          "2024-03-01"), "2024-07-01"));
        log.add(appointed(HOSPITAL, "p-anna", Level.BOARD, "director", "2024-02-01"));
        log.add(retracted("e2", "2024-08-01"));
        log.add(contribution(UUID.randomUUID(), TOWN, SCHOOL, "12.345", Unit.DAYS, "1234.5678",
                             ContributionStatus.PLEDGED, "2024-08-02"));

        // As the projection does it: each ordinary entry on top of the facts so far, the log again at a correction.
        FactsSnapshot stepwise = NetworkFacts.empty().snapshot();
        List<LoggedEntry> entries = log.entries();
        for (int i = 0; i < entries.size(); i++) {
            NetworkFacts facts;
            if (EffectiveHistory.isCorrection(entries.get(i).event())) {
                facts = NetworkFacts.fold(entries.subList(0, i + 1));
            } else {
                facts = NetworkFacts.restore(stepwise);
                facts.apply(entries.get(i));
            }
            stepwise = facts.snapshot();
        }

        assertThat(stepwise).isEqualTo(log.fold().snapshot());
        assertThat(stepwise.partners()).extracting(Partner::partnerId).doesNotContain(HOSPITAL);
        assertThat(stepwise.agreements().get(0).title()).isEqualTo("Share all data");
        assertThat(stepwise.effectiveEntries()).isEqualTo(entries.size() - 3);
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().registerModule(new JavaTimeModule())
                                     .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                     .writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
