package nl.samenspel.health;

/** How urgent an alert is. */
public enum Severity { INFO, WARNING, CRITICAL }
