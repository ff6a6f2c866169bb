/**
 * Sharing: the shared ambition (H2), promises (H3), give and take (geven en nemen, H4), the three capitals of network
 * value (H12) and their alerts (A1, A2, A3, A15).
 *
 * <p>Throughout, facts that name a partner which has withdrawn by the end of the month no longer count: its stances,
 * its contributions, its promises and the value realised for it describe a collaboration it is no longer part of.
 * The give-and-take ledger is context only: it never turns a status red by itself; a partner that experiences the
 * balance as unfair does.
 */
package nl.samenspel.health.sharing;
