package nl.samenspel.kernel.exchange;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The unit of a contributed quantity. */
public enum Unit {
    @JsonProperty("EUR") EUR,
    @JsonProperty("hours") HOURS,
    @JsonProperty("days") DAYS,
    @JsonProperty("items") ITEMS
}
