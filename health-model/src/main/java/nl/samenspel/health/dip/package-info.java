/**
 * The network dip (netwerkdip) and the way out of it: network energy and the dip phase (H5), the nine dip drivers
 * and dip risk (H6), the four ingredients of a vital network (H7), and the alerts A7, A8 and A16.
 */
package nl.samenspel.health.dip;
