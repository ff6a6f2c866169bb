package nl.samenspel.support;

import nl.samenspel.support.ops.ServerRefusals;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Brings the shared problem handling, the strict reading of request bodies and the server's own refusals as problems
 * into each service.
 */
@AutoConfiguration
@Import({ApiProblemHandler.class, StrictJson.RequestBodies.class, ServerRefusals.class})
public class ServiceSupportAutoConfiguration {
}
