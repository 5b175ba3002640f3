package uk.nhs.pharmacy.portal.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import uk.nhs.pharmacy.portal.mailbox.ConfirmationNeeded;
import uk.nhs.pharmacy.portal.platform.Failure;
import uk.nhs.pharmacy.portal.platform.NotFound;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure of the API as problem+json with a clear message; unexpected ones are logged, not shown. */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Failure failure = Failure.of(thrown);
        Throwable e = failure.cause();
        if (e instanceof ConfirmationNeeded c) {
            return Problem.response(409, "Confirmation needed", c.getMessage()
                    + ". Send the request again with \"confirm\": true to go ahead.", true);
        }
        Response unreadable = InputProblems.unreadableBody(e);
        if (unreadable != null) {
            return unreadable;
        }
        return switch (failure.kind()) {
            case NOT_FOUND -> notFound();
            case FORBIDDEN -> Problem.response(403, "Not allowed", "You may not do this here.");
            case REFUSED -> Problem.response(422, "Refused", failure.words());
            case INVALID -> e instanceof ConstraintViolationException v ? InputProblems.of(v)
                    : Problem.response(400, "Bad request", failure.words());
            case CONFLICT -> Problem.response(409, "Changed meanwhile", "Someone else changed this at the same time; nothing was saved.");
            case UNAVAILABLE -> {
                LOG.log(Level.WARNING, "The database is not available: " + thrown);
                yield Response.fromResponse(Problem.response(503, "Service Unavailable", failure.words()))
                        .header("Retry-After", "30").build();
            }
            case FAULT -> fault(thrown, e);
        };
    }

    /**
     * The platform's own HTTP exceptions keep their status (a 400 naming the field); a library's
     * refusal of a value is a 400 without its words; anything else is a 500 that says nothing.
     */
    private static Response fault(Throwable thrown, Throwable e) {
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            return status == 404 ? notFound()
                    : Problem.response(status, w.getResponse().getStatusInfo().getReasonPhrase(), w.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            LOG.log(Level.INFO, "A value the API could not use", thrown);
            return Problem.response(400, "Bad request", "A value in the request is not one this call takes; see the API document.");
        }
        LOG.log(Level.SEVERE, "Unexpected API failure", thrown);
        return Problem.response(500, "Internal error", "The request could not be completed; nothing was half-done.");
    }

    /**
     * A refused value, mapped here and not by the JAX-RS runtime's own mapper for validation
     * exceptions, which the runtime would otherwise prefer (it is nearer the type) and which
     * answers with an HTML page.
     */
    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return InputProblems.of(e);
        }
    }

    /** Missing and out of scope answer alike, whichever way they were found. */
    static Response notFound() {
        return Problem.response(404, "Not Found", NotFound.MESSAGE);
    }
}
