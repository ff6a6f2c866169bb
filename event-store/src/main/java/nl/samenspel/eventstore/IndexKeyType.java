package nl.samenspel.eventstore;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * How the on-disk store keeps the keys of a unique index (the {@code _id}, a stream key, a command id): as the list of
 * the key's values, each in H2's own compact form, compared value by value.
 *
 * <p>Without it, a key is a Java-serialised object that H2 can only order by serialising it again: every comparison in
 * an index lookup serialised both keys, which made an index lookup cost far more than reading the document it points
 * to. Values compare as H2 compares them natively (values of one kind in their natural order, values of different
 * kinds by kind), so two keys are equal exactly when their values are equal and of the same kind, as before.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {
    static final IndexKeyType INSTANCE = new IndexKeyType();

    /**
     * Each value of a key; H2's type for values of any kind, which reads and compares the common ones natively. One
     * per thread: it remembers the kind it handled last, and for a kind it serialises (an {@code ObjectId}) it refused
     * to compare two values when another thread changed that memory in between. The committer compacting the store
     * while requests ran then failed, and H2 closed the store (see {@code IndexKeyTypeTest}).
     */
    private static final ThreadLocal<ObjectDataType> VALUES = ThreadLocal.withInitial(ObjectDataType::new);

    private IndexKeyType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * Two values of a key, as {@link ObjectDataType} orders them; positions and ids, the values looked up most, are
     * compared directly (exactly as that type compares them) instead of through its detection of each value's type.
     */
    private int compareValues(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        return VALUES.get().compare(a, b);
    }

    @Override
    public int getMemory(KeyValue key) {
        ObjectDataType values = VALUES.get();
        int memory = 24;
        for (Object value : key) {
            memory += values.getMemory(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        ObjectDataType values = VALUES.get();
        buffer.putVarInt(key.size());
        for (Object value : key) {
            values.write(buffer, value);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        ObjectDataType values = VALUES.get();
        int size = DataUtils.readVarInt(buffer);
        List<Object> read = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            read.add(values.read(buffer));
        }
        return new KeyValue(read);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
