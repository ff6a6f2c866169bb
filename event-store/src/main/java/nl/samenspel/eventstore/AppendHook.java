package nl.samenspel.eventstore;

/**
 * Called by the storage engine between allocating global positions and writing the events: the moment in which a
 * writer can stall or die. Production uses {@link #NONE}; tests use it to stall a writer or move its clock.
 */
@FunctionalInterface
public interface AppendHook {

    AppendHook NONE = (firstPosition, count) -> {
    };

    void afterAllocation(long firstPosition, int count);
}
