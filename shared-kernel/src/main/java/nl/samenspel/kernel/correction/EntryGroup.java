package nl.samenspel.kernel.correction;

/**
 * The groups of the event catalogue (domain.md 3.3), in its order. The API description tags each kind's path with its
 * group's title and names the group's key beside it ({@code x-entry-group}), from which the web forms group the kinds.
 */
public enum EntryGroup {
    NETWORK("network", "Network"),
    PARTNERS("partners", "Partners"),
    PEOPLE("people", "People"),
    AMBITION("ambition", "Ambition and interests"),
    AGREEMENTS("agreements", "Agreements"),
    EXCHANGE("exchange", "Give and take"),
    EVALUATIONS("evaluations", "Evaluations"),
    TENSION("tension", "Tension"),
    MEETINGS("meetings", "Meetings"),
    STRUCTURE("structure", "Structure and context"),
    CORRECTIONS("corrections", "Corrections");

    private final String key;
    private final String title;

    EntryGroup(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** As in message keys ({@code group.<key>}) and the API description's {@code x-entry-group}. */
    public String key() {
        return key;
    }

    /** The catalogue's heading for the group, in English. */
    public String title() {
        return title;
    }
}
