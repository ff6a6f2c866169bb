/**
 * Tension: the conflict thermometer (conflictthermometer, H13), open conflicts on the de-escalation ladder (H14),
 * and the alerts A4–A6. Thermometer levels and ladder steps are ordinal: the views show distributions and the
 * hottest reading, never an average across scopes.
 */
package nl.samenspel.health.tension;
