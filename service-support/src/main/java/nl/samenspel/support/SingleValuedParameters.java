package nl.samenspel.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.samenspel.kernel.validation.RuleViolation;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Collection;
import java.util.Map;

/**
 * Refuses a query parameter given more than once where the endpoint takes one value ({@code ?date=2025-01-31&date=
 * 2026-01-31}): the framework took the first without a word, so the client got an answer to another question than
 * it may have meant. A parameter the endpoint takes as a list ({@code type}, {@code eventId} of the history) may be
 * repeated. A whole number is read as decimal digits only. Answered 400, naming the parameter, before the handler
 * runs.
 */
public final class SingleValuedParameters implements HandlerInterceptor {
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    private static final java.util.Set<Class<?>> WHOLE = java.util.Set.of(long.class, Long.class, int.class, Integer.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (annotation == null || type.isArray() || Collection.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type)) {
                continue;
            }
            // as the handler adapter does before it resolves an argument; the parameter keeps the name it finds
            parameter.initParameterNameDiscovery(NAMES);
            String name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
            String[] values = name == null ? null : request.getParameterValues(name);
            if (values != null && values.length > 1) {
                throw RuleViolation.invalid(name, "is given " + values.length + " times; give it once");
            }
            if (values != null && WHOLE.contains(type) && !values[0].isBlank() && !values[0].strip().matches("[-+]?\\d+")) {
                // the framework also reads hexadecimal ("0x10", "#A"): fromSequence=0x10 asked for entry 16
                throw RuleViolation.invalid(name, "is not a valid whole number");
            }
        }
        return true;
    }
}
