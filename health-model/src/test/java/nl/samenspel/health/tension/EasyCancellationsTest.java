package nl.samenspel.health.tension;

import nl.samenspel.health.Alert;
import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EasyCancellationsTest {
    private static final String A5 = EasyCancellations.ID;

    private static HistoryBuilderB network() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.agreement("promise", AgreementKind.PROMISE, null, "2023-02-01", "A", "B");
        return b;
    }

    @Test
    void a_meeting_and_an_agreement_cancelled_by_one_partner_within_sixty_days() {
        HistoryBuilderB b = network();
        String meeting = b.cancelMeeting("A", "2023-03-05");
        String agreement = b.outcome("promise", AgreementOutcome.CANCELLED, "A", "2023-04-20");

        assertThat(b.alert(A5, "2023-03")).isEmpty();
        Alert april = b.alert(A5, "2023-04").orElseThrow();   // window (1 March, 30 April]
        assertThat(april.severity()).isEqualTo(Severity.WARNING);
        assertThat(april.detail()).isEqualTo("Partner A cancelled 2 times in 60 days.");
        assertThat(april.evidence()).containsExactly(meeting, agreement);
        assertThat(b.alert(A5, "2023-05")).isEmpty();          // window (1 April, 31 May]: one left
    }

    @Test
    void cancellations_of_different_partners_do_not_add_up() {
        HistoryBuilderB b = network();
        b.cancelMeeting("A", "2023-03-05");
        b.cancelMeeting("B", "2023-03-06");
        b.outcome("promise", AgreementOutcome.BROKEN, "A", "2023-03-07");   // broken is not cancelled
        assertThat(b.alert(A5, "2023-03")).isEmpty();
    }

    @Test
    void nothing_without_cancellations() {
        assertThat(network().alert(A5, "2023-03")).isEmpty();
    }

    @Test
    void a_partner_that_withdrew_is_left_out() {
        HistoryBuilderB b = network();
        b.cancelMeeting("A", "2023-03-05");
        b.cancelMeeting("A", "2023-03-06");
        b.withdraw("A", "2023-03-20");
        assertThat(b.alert(A5, "2023-03")).isEmpty();
    }

    @Test
    void a_retracted_cancellation_removes_the_alert() {
        HistoryBuilderB b = network();
        b.cancelMeeting("A", "2023-03-05");
        String second = b.cancelMeeting("A", "2023-03-06");
        assertThat(b.alert(A5, "2023-03")).isPresent();

        b.retract(second, "2023-03-10");

        assertThat(b.alert(A5, "2023-03")).isEmpty();
    }

    @Test
    void a_back_dated_cancellation_raises_an_earlier_month() {
        HistoryBuilderB b = network();
        b.cancelMeeting("A", "2023-03-20");
        b.meeting("2023-05-01", "A", "B");
        assertThat(b.alert(A5, "2023-03")).isEmpty();

        b.cancelMeeting("A", "2023-03-02");   // logged in May

        assertThat(b.alert(A5, "2023-03")).isPresent();
    }
}
