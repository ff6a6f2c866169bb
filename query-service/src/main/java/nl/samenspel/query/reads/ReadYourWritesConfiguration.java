package nl.samenspel.query.reads;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link ReadYourWrites} behind the access check of every API call, and documents its parameter, header and
 * answers on every operation that answers from read models.
 */
@Configuration
public class ReadYourWritesConfiguration implements WebMvcConfigurer {
    private final ReadYourWrites readYourWrites;

    public ReadYourWritesConfiguration(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // After the access check: a caller without a role in the network is refused, not kept waiting.
        registry.addInterceptor(readYourWrites).addPathPatterns("/api/**").order(Ordered.LOWEST_PRECEDENCE);
    }

    @Bean
    public OperationCustomizer readYourWritesDocumentation() {
        return (operation, handler) -> {
            if (ReadYourWrites.processors(handler) == null) {
                return operation;
            }
            String waitFor = "Answer only once the read models include this position (the `position` of a command's "
                    + "answer, also its Samenspel-Position header): read your own write. Waits at most 5 s "
                    + "(samenspel.queries.wait-for-timeout), then answers 503.";
            operation.addParametersItem(new Parameter().in("query").name(ReadYourWrites.WAIT_FOR_PARAMETER)
                                                       .required(false).description(waitFor)
                                                       .schema(new IntegerSchema().format("int64").minimum(
                                                               java.math.BigDecimal.ZERO)));
            operation.addParametersItem(new Parameter().in("header").name(ReadYourWrites.WAIT_FOR_HEADER)
                                                       .required(false)
                                                       .description("As the waitFor parameter (the parameter wins)")
                                                       .schema(new IntegerSchema().format("int64")));
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            Header position = new Header().description("The global position the answer's read models include: every "
                    + "entry written at or below it is in the answer").schema(new IntegerSchema().format("int64"));
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject(ReadYourWrites.POSITION_HEADER, position);
                }
            });
            operation.getResponses().addApiResponse("503", new ApiResponse()
                    .description("The wait for waitFor ran out (or too many requests are waiting): the read models do "
                            + "not include that position yet. Samenspel-Position says what they include; ask again "
                            + "after Retry-After seconds")
                    .addHeaderObject(ReadYourWrites.POSITION_HEADER, position)
                    .addHeaderObject("Retry-After", new Header().description("Seconds to wait before asking again")
                                                               .schema(new IntegerSchema()))
                    .content(new Content().addMediaType("application/problem+json", new MediaType().schema(
                            new Schema<>().$ref("#/components/schemas/Problem")))));
            return operation;
        };
    }
}
