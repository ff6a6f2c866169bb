package nl.samenspel.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import nl.samenspel.kernel.validation.FieldError;
import nl.samenspel.kernel.validation.ImportRejected;
import nl.samenspel.kernel.validation.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import nl.samenspel.eventstore.BrokenStreamException;
import nl.samenspel.support.security.LoginThrottledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns every refusal into an RFC 9457 problem (application/problem+json) with a list of field-level errors, and
 * makes sure no stack trace or internal detail ever reaches a caller.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*?)'");

    @ExceptionHandler(RuleViolation.class)
    public ResponseEntity<Object> ruleViolation(RuleViolation violation) {
        log.debug("Command rejected: {}", violation.getMessage());
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        String title = switch (violation.kind()) {
            case INVALID -> "The request breaks a rule";
            case NOT_FOUND -> "Something the request names does not exist";
            case CONFLICT -> "The request conflicts with what is already logged";
        };
        ResponseEntity<Object> answer = problem(status, title, violation.errors());
        if (violation instanceof ImportRejected rejected && answer.getBody() instanceof ProblemDetail detail) {
            detail.setTitle("The import breaks rules; nothing was logged");
            detail.setDetail(rejected.lines().size() + (rejected.lines().size() == 1 ? " line was" : " lines were")
                                     + " refused: " + detail.getDetail());
            detail.setProperty("lines", rejected.lines().stream().map(line -> {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("line", line.line());
                report.put("type", line.type());
                report.put("problem", line.kind().name().toLowerCase().replace('_', '-'));
                report.put("errors", line.errors());
                return report;
            }).toList());
        }
        return answer;
    }

    @ExceptionHandler(LoginThrottledException.class)
    public ResponseEntity<Object> throttled(LoginThrottledException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                             .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                             .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                                           List.of(new FieldError("credentials", "wait before trying again"))).getBody());
    }

    @ExceptionHandler(AuthenticationException.class)
    public ResponseEntity<Object> unauthenticated(AuthenticationException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Login required",
                       List.of(new FieldError("credentials", "unknown user, wrong password or no login")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", List.of(new FieldError("credentials", e.getMessage())));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Something the request names does not exist",
                       List.of(new FieldError("networkId", "no network with this id")));
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<Object> commandExecution(CommandExecutionException e) {
        if (e.getCause() instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        return unexpected(e);
    }

    /**
     * A network's log has a hole below its recorded head (someone with access to the store removed or replaced an
     * event). Nothing is read past it and nothing is written into it; the answer says so plainly, and where.
     */
    @ExceptionHandler(BrokenStreamException.class)
    public ResponseEntity<Object> brokenStream(BrokenStreamException e) {
        log.error("Refused to read past a hole: {}", e.getMessage());
        ResponseEntity<Object> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, "The network's log is broken",
                List.of(new FieldError("networkId", "the log of this network is broken at sequence " + e.sequenceNumber()
                        + "; nothing is read past it or written into it until it is repaired from a backup. "
                        + "GET /api/networks/" + e.aggregateId() + "/integrity shows the break")));
        if (answer.getBody() instanceof ProblemDetail detail) {
            detail.setType(URI.create("https://samenspel.example/problems/broken-log"));
            detail.setProperty("sequenceNumber", e.sequenceNumber());
        }
        return answer;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "The request is malformed",
                       List.of(new FieldError(e.getName(), "is not a valid " + simpleType(e.getRequiredType()))));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BrokenStreamException broken) {
                return brokenStream(broken);
            }
        }
        log.error("Unexpected failure while handling a request", e);
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                                                                "The request could not be completed; nothing was changed "
                                                                        + "unless the response said so. Try again later.");
        detail.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(detail);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "The request is malformed", List.of(unreadable(ex.getCause())));
    }

    /** A required query parameter left out is named as the field it is, like any other. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "The request breaks a rule",
                       List.of(new FieldError(ex.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage())).toList();
        return problem(HttpStatus.BAD_REQUEST, "The request breaks a rule", errors);
    }

    /**
     * Problems that Spring MVC answers itself (unsupported media type, method not allowed, body too large, ...) get
     * the same field-level error list as ours.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail detail
                && (detail.getProperties() == null || !detail.getProperties().containsKey("errors"))) {
            String field = switch (statusCode.value()) {
                case 405 -> "method";
                case 406 -> "Accept";
                case 413 -> "body";
                case 415 -> "Content-Type";
                default -> "request";
            };
            detail.setProperty("errors", List.of(new FieldError(field, String.valueOf(detail.getDetail()))));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** The field-level error for a body (or part of one) that cannot be read into the expected type. */
    public static FieldError unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "is not a field here; the fields are: " + unknown.getKnownPropertyIds()
                    .stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        if (cause instanceof JsonProcessingException json && json.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE.matcher(json.getOriginalMessage());
            if (duplicate.find()) {
                String path = parsedPath(json);
                return new FieldError(path != null && path.endsWith(duplicate.group(1)) ? path : duplicate.group(1),
                                      "is given more than once");
            }
            if (json.getOriginalMessage().startsWith("Trailing token")) {
                return new FieldError("body", "holds more after the JSON value; send exactly one JSON value");
            }
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
                                   .map(ApiProblemHandler::wireName).collect(Collectors.joining(", "));
            return new FieldError(path(invalid), "must be one of: " + allowed);
        }
        if (cause instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException typeId && !typeId.getPath().isEmpty()) {
            // the kind of a nested entry (a correction's replacement) missing, or not one of the kinds
            String field = path(typeId) + ".entryType";
            return new FieldError(field, typeId.getTypeId() == null ? "is required: the kind of the entry"
                    : "is not a kind of entry: " + typeId.getTypeId());
        }
        if (cause instanceof InvalidFormatException digits && nl.samenspel.kernel.Limits.DIGITS.equals(digits.getOriginalMessage())
                && !digits.getPath().isEmpty()) {
            return new FieldError(path(digits), nl.samenspel.kernel.Limits.DIGITS);
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return new FieldError(path(mismatch), "is not a valid " + simpleType(mismatch.getTargetType()));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldError(path(mapping), "has a value that cannot be read");
        }
        if (cause instanceof JsonProcessingException) {
            return new FieldError("body", "is not valid JSON");
        }
        return new FieldError("body", "is missing or cannot be read");
    }

    /** Where the parser was when it found a key given twice (dotted, with list indexes), or null at the top. */
    private static String parsedPath(JsonProcessingException e) {
        JsonParser parser = e instanceof StreamReadException read ? read.getProcessor() : null;
        if (parser == null || parser.getParsingContext() == null) {
            return null;
        }
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        if (pointer.isEmpty()) {
            return null;
        }
        return pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.').replace(".[", "[");
    }

    /** An enumeration constant as the API writes and reads it (its {@code @JsonProperty}, else its name). */
    public static String wireName(Object constant) {
        try {
            var property = constant.getClass().getField(((Enum<?>) constant).name())
                                   .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return property != null ? property.value() : constant.toString();
        } catch (NoSuchFieldException e) {
            return constant.toString();
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        // said as a client thinks of it, not by the Java class behind it ("linkedhashmap", "networkevent")
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord() || type.isInterface()) {
            return "object";
        }
        if (type.isEnum()) {
            return "choice; one of: " + Arrays.stream(type.getEnumConstants()).map(ApiProblemHandler::wireName)
                                              .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "UUID";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant" -> "instant (ISO-8601)";
            case "Boolean", "boolean" -> "boolean";
            case "Integer", "int", "Long", "long", "Short", "short", "BigInteger" -> "whole number";
            case "BigDecimal", "Double", "double", "Float", "float" -> "number";
            case "String" -> "text";
            default -> type.getSimpleName().toLowerCase();
        };
    }

    static ResponseEntity<Object> problem(HttpStatus status, String title, List<FieldError> errors) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, errors.stream()
                .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        detail.setTitle(title);
        detail.setType(URI.create("https://samenspel.example/problems/" + switch (status) {
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case TOO_MANY_REQUESTS -> "too-many-requests";
            default -> "invalid-request";
        }));
        detail.setProperty("errors", errors);
        return ResponseEntity.status(status).body(detail);
    }
}
