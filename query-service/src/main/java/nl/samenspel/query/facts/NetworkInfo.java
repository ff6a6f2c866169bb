package nl.samenspel.query.facts;

import nl.samenspel.kernel.network.CollaborationForm;

import java.time.LocalDate;

/** The founding facts of a network (samenwerkingsverband). */
public record NetworkInfo(String name, String sector, String region,
                          CollaborationForm collaborationForm, String societalTask, LocalDate foundedOn,
                          String eventId) {
}
