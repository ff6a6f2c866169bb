package nl.samenspel.kernel;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a logged fact comes from. */
public enum Source {
    @JsonProperty("minutes") MINUTES,
    @JsonProperty("observation") OBSERVATION,
    @JsonProperty("survey") SURVEY,
    @JsonProperty("interview") INTERVIEW,
    @JsonProperty("document") DOCUMENT,
    @JsonProperty("import") IMPORT
}
