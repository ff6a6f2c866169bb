package nl.samenspel.health;

/** How an indicator stands: fine, worth watching, alarming, or not applicable for lack of data. */
public enum Status {
    OK, WATCH, ALERT, NA;

    public static Status worst(Status a, Status b) {
        return a.ordinal() >= b.ordinal() && a != NA ? a : (b == NA ? a : b);
    }
}
