package nl.samenspel.kernel;

/** Sizes of free text fields, from the event catalogue, and of the amounts and quantities it holds. */
public final class Limits {
    /**
     * Digits of an amount or quantity before its decimal point, and after it: up to 999,999,999,999.9999. A number
     * with an exponent of millions (1e-10000000) is short to send, but its digits had to be written out where it was
     * stored and read, and one such contribution held the health of its networks for minutes.
     */
    public static final int WHOLE_DIGITS = 12;
    public static final int FRACTION_DIGITS = 4;
    public static final int NAME = 200;
    public static final int SHORT_TEXT = 100;
    public static final int NOTE = 2_000;
    public static final int SOCIETAL_TASK = 2_000;
    public static final int REASON = 2_000;

    private Limits() {
    }

    /** Whether {@code number} has at most {@link #WHOLE_DIGITS} and {@link #FRACTION_DIGITS} digits; cheap at any size. */
    public static boolean fits(java.math.BigDecimal number) {
        // Only sizes are read off the number; its digits are never written out. More than 128 bits of digits (about
        // 38) is more than any amount has; a fraction of more than 43 places cannot lose enough trailing zeros.
        if (number.unscaledValue().bitLength() > 128) {
            return false;
        }
        java.math.BigDecimal n = number;
        if (n.scale() > FRACTION_DIGITS) {
            if (n.scale() > 43) {
                return false;
            }
            n = n.stripTrailingZeros();
            if (n.scale() > FRACTION_DIGITS) {
                return false;
            }
        }
        return (long) n.precision() - n.scale() <= WHOLE_DIGITS;
    }

    /** What a number that does not {@link #fits} is told. */
    public static final String DIGITS = "must have at most " + WHOLE_DIGITS + " digits before the decimal point and "
            + FRACTION_DIGITS + " after";
}
