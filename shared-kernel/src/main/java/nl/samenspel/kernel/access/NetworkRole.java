package nl.samenspel.kernel.access;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a person may do in one network: a coordinator (netwerkcoördinator) logs events, steering (stuurgroep) reads the
 * health views, an auditor reads the whole history read-only. One user can hold different roles in different networks.
 */
public enum NetworkRole {
    @JsonProperty("coordinator") COORDINATOR,
    @JsonProperty("steering") STEERING,
    @JsonProperty("auditor") AUDITOR;

    public String wireName() {
        return name().toLowerCase();
    }

    public static NetworkRole fromWire(String value) {
        return valueOf(value.toUpperCase());
    }
}
