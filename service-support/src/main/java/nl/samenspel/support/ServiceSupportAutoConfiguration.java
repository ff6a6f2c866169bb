package nl.samenspel.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Brings the shared problem handling into each service. */
@AutoConfiguration
@Import(ApiProblemHandler.class)
public class ServiceSupportAutoConfiguration {
}
