package nl.samenspel.eventstore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the tests that need a fresh store with a running streaming processor for each test. */
abstract class ProcessorTest {
    protected StoreFixture fixture;

    @BeforeEach
    void startStoreAndProcessor() {
        fixture = newFixture().startProcessor();
    }

    /** The store the test runs on, before its processor starts. */
    protected StoreFixture newFixture() {
        return new StoreFixture();
    }

    @AfterEach
    void stopStoreAndProcessor() {
        fixture.close();
    }
}
