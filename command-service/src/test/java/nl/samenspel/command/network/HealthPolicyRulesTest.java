package nl.samenspel.command.network;

import nl.samenspel.kernel.health.HealthPolicyChanged;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static nl.samenspel.command.network.RulesFixture.*;

/** A health policy override must lie in its key's range: a window of 0 or a share above 1 is refused, by field. */
class HealthPolicyRulesTest {
    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private static HealthPolicyChanged policy(String key, double value) {
        return new HealthPolicyChanged(NETWORK, Map.of(key, value), ON, null, null);
    }

    @Test
    void aWindowOfZeroMonthsIsRefused() {
        fixture.given(network()).when(record(policy("people.windowMonths", 0)))
               .expectNoEvents().expectException(invalid("overrides.people.windowMonths"));
    }

    @Test
    void aShareAboveOneIsRefused() {
        fixture.given(network()).when(record(policy("capitals.economicShare", 1.5)))
               .expectNoEvents().expectException(invalid("overrides.capitals.economicShare"));
    }

    @Test
    void aValueInRangeIsLogged() {
        fixture.given(network()).when(record(policy("dip.restartMonths", 3)))
               .expectSuccessfulHandlerExecution();
    }
}
