package nl.samenspel.kernel.ambition;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whose interest is declared. */
public enum InterestScope {
    @JsonProperty("individual") INDIVIDUAL,
    @JsonProperty("organisational") ORGANISATIONAL,
    @JsonProperty("collective") COLLECTIVE
}
