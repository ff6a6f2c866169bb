package nl.samenspel.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Brings the shared problem handling and the strict reading of request bodies into each service. */
@AutoConfiguration
@Import({ApiProblemHandler.class, StrictJson.RequestBodies.class})
public class ServiceSupportAutoConfiguration {
}
