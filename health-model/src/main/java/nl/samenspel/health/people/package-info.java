/**
 * People, levels and leadership: staff turnover (H8), continuity under turnover (H9), closure of the figure eight
 * (achtje, H10), leadership concentration and the kind of contact (H11), and the alerts A9–A12.
 */
package nl.samenspel.health.people;
