package nl.samenspel.kernel;

/** Sizes of free text fields, from the event catalogue. */
public final class Limits {
    public static final int NAME = 200;
    public static final int SHORT_TEXT = 100;
    public static final int NOTE = 2_000;
    public static final int SOCIETAL_TASK = 2_000;
    public static final int REASON = 2_000;

    private Limits() {
    }
}
