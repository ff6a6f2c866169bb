package nl.samenspel.query.facts;

/**
 * How a view names the people that the log knows only by {@code personRef}: the name from the people directory,
 * "erased" after erasure, or {@link #UNKNOWN} for a reference the directory does not know.
 */
@FunctionalInterface
public interface PersonNames {
    String UNKNOWN = "unknown";

    String displayName(String personRef);
}
