package nl.samenspel.platform;

import nl.samenspel.support.security.LoginThrottle;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The login throttle slows a guesser more with every failure, but never stops the owner logging in from elsewhere. */
class LoginThrottleTest {
    private static final String GUESSER = "198.51.100.66";
    private static final String OWNER = "192.0.2.10";

    private final MovingClock clock = new MovingClock();
    private final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(5), 10_000, clock);

    @Test
    void afterFreeFailuresEachTryWaitsTwiceAsLongUpToTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.waitFor("admin", GUESSER)).isZero();
            throttle.failed("admin", GUESSER);
        }
        assertThat(throttle.waitFor("admin", GUESSER)).isEqualTo(Duration.ofSeconds(1));
        clock.pass(Duration.ofSeconds(1));
        throttle.failed("admin", GUESSER);
        assertThat(throttle.waitFor("admin", GUESSER)).isEqualTo(Duration.ofSeconds(2));
        clock.pass(Duration.ofSeconds(2));
        throttle.failed("admin", GUESSER);
        assertThat(throttle.waitFor("admin", GUESSER)).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 12; i++) {
            clock.pass(throttle.waitFor("admin", GUESSER));
            throttle.failed("admin", GUESSER);
        }
        assertThat(throttle.waitFor("admin", GUESSER)).as("never more than the window").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theOwnerLogsInFromElsewhereWhileSomeoneGuessesTheirPassword() {
        for (int i = 0; i < 50; i++) {
            clock.pass(throttle.waitFor("admin", GUESSER));
            throttle.failed("admin", GUESSER);
        }
        assertThat(throttle.waitFor("admin", GUESSER)).isPositive();
        assertThat(throttle.waitFor("admin", OWNER)).as("the owner, from their own address").isZero();
    }

    @Test
    void anAddressTryingManyUsernamesIsSlowedToo() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, GUESSER);
        }
        assertThat(throttle.waitFor("user-next", GUESSER)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("user-next", OWNER)).isZero();
    }

    @Test
    void aSuccessClearsTheUsernamesFailuresFromThatAddressAndFailuresAreForgottenAfterTheWindow() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("coordinator", OWNER);
        }
        assertThat(throttle.waitFor("coordinator", OWNER)).isPositive();
        clock.pass(Duration.ofSeconds(3));
        throttle.succeeded("coordinator", OWNER);
        assertThat(throttle.waitFor("coordinator", OWNER)).isZero();

        for (int i = 0; i < 6; i++) {
            throttle.failed("steering", GUESSER);
        }
        clock.pass(Duration.ofMinutes(11));
        throttle.failed("steering", GUESSER);
        assertThat(throttle.waitFor("steering", GUESSER)).as("earlier failures expired").isZero();
        assertThat(throttle.tracked()).isLessThanOrEqualTo(3);
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T09:00:00Z");

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
