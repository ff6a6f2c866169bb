package nl.samenspel.eventstore;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys of every unique index of the on-disk store are compared by one shared type, from every thread at once: the
 * server's request threads and the committer, which rewrites pages of every index while it compacts. A comparison must
 * give H2's order whatever the other threads compare at the same moment. H2's {@link ObjectDataType} remembers the
 * kind it saw last and, for kinds it serialises (an {@code ObjectId} key, say), refused to compare two keys when
 * another thread changed that memory in between: the committer's compaction failed with "Can not compare", and H2
 * closed the store, so every later write of the platform failed until it was restarted.
 */
class IndexKeyTypeTest {

    @Test
    void keysCompareAsH2OrdersThemWhileOtherThreadsCompareKeysOfOtherKinds() throws Exception {
        ObjectId lower = new ObjectId();
        ObjectId higher = new ObjectId();
        int expected = Integer.signum(new ObjectDataType().compare(lower, higher));
        assertThat(expected).isNotZero();

        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Queue<Integer> wrongOrders = new ConcurrentLinkedQueue<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                KeyValue a = new KeyValue(lower);
                KeyValue b = new KeyValue(higher);
                try {
                    while (System.nanoTime() < until && failures.isEmpty()) {
                        int c = Integer.signum(IndexKeyType.INSTANCE.compare(a, b));
                        if (c != expected) {
                            wrongOrders.add(c);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
            int kind = t;
            threads.add(new Thread(() -> {
                // Keys of kinds compared through H2's own type, as other indexes hold them.
                KeyValue a = new KeyValue(kind % 2 == 0 ? (Object) 1 : (Object) 1.5);
                KeyValue b = new KeyValue(kind % 2 == 0 ? (Object) 2 : (Object) 2.5);
                try {
                    while (System.nanoTime() < until && failures.isEmpty()) {
                        assertThat(IndexKeyType.INSTANCE.compare(a, b)).isNegative();
                        IndexKeyType.INSTANCE.getMemory(a);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).as("comparisons that failed").isEmpty();
        assertThat(wrongOrders).as("comparisons that gave another order").isEmpty();
    }
}
