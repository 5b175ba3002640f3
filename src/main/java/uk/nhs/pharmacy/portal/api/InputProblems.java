package uk.nhs.pharmacy.portal.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Bad input as a problem that names the field: a value the rules refuse (400, or 422 when it is
 * only too long for what the portal keeps), a body that is not the JSON this call takes (400).
 */
final class InputProblems {

    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]+)'?");

    private InputProblems() {
    }

    static Response of(ConstraintViolationException v) {
        boolean onlyTooLong = !v.getConstraintViolations().isEmpty() && v.getConstraintViolations().stream()
                .allMatch(c -> c.getConstraintDescriptor().getAnnotation() instanceof Size);
        String detail = v.getConstraintViolations().stream().map(InputProblems::describe).sorted().distinct()
                .collect(Collectors.joining("; "));
        return onlyTooLong ? Problem.response(422, "Too long", detail) : Problem.response(400, "Bad request", detail);
    }

    /** "reason is too long: at most 500 characters": the field as the caller named it, not the method's path. */
    private static String describe(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != jakarta.validation.ElementKind.METHOD && node.getName() != null) {
                field = node.getName();
            }
        }
        return (field == null ? "the request" : field) + " " + violation.getMessage();
    }

    /** The JSON binding could not read the body: malformed, a wrong type, an unparseable date. Null if not that. */
    static Response unreadableBody(Throwable e) {
        Throwable cause = e;
        String field = null;
        while (cause != null) {
            if (cause.getMessage() != null && field == null) {
                Matcher m = PROPERTY.matcher(cause.getMessage());
                if (m.find()) {
                    field = m.group(1);
                }
            }
            if (cause instanceof DateTimeParseException d) {
                return Problem.response(400, "Bad request", (field == null ? "A date" : field) + ": '" + d.getParsedString()
                        + "' is not a date; write it as YYYY-MM-DD");
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        if (e instanceof JsonbException || e instanceof JsonException || e instanceof ProcessingException) {
            return Problem.response(400, "Bad request", field == null
                    ? "The body is not the JSON this call takes: send one JSON object with the fields the API documents"
                    : field + ": not a value of the right kind (see the API document for its type)");
        }
        return null;
    }
}
