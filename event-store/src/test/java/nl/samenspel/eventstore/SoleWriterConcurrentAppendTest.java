package nl.samenspel.eventstore;

/**
 * The same eight concurrent writers, on an engine that takes its positions in memory as the platform's embedded store
 * does (the counter only following), read by a processor through an engine of its own, which learns of new events
 * only from the store: nothing acknowledged is lost or delivered twice, every aggregate arrives in order, and every
 * position holds exactly one document.
 */
class SoleWriterConcurrentAppendTest extends ConcurrentAppendTest {

    @Override
    protected StoreFixture newFixture() {
        return new StoreFixture(builder -> builder.soleWriter(true), true);
    }
}
