package uk.nhs.pharmacy.portal.api;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import uk.nhs.pharmacy.portal.mailbox.ConfirmationNeeded;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.security.AccessDeniedException;

import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Every failure of the API as problem+json with a clear message; unexpected ones are logged, not shown. */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof ConfirmationNeeded c) {
            return Problem.response(409, "Confirmation needed", c.getMessage()
                    + ". Send the request again with \"confirm\": true to go ahead.", true);
        }
        if (e instanceof NotFound) {
            return notFound();
        }
        if (e instanceof RuleViolation r) {
            return Problem.response(422, "Refused", r.getMessage());
        }
        if (e instanceof AccessDeniedException) {
            return Problem.response(403, "Not allowed", "You may not do this here.");
        }
        if (e instanceof InvalidValueException | e instanceof IllegalArgumentException) {
            return Problem.response(400, "Bad request", e.getMessage());
        }
        if (e instanceof ConstraintViolationException v) {
            return InputProblems.of(v);
        }
        Response unreadable = InputProblems.unreadableBody(e);
        if (unreadable != null) {
            return unreadable;
        }
        if (InputProblems.databaseUnavailable(thrown)) {
            LOG.log(Level.WARNING, "The database is not available: " + thrown);
            return Response.fromResponse(Problem.response(503, "Service Unavailable",
                    "The database is not available just now, so nothing was changed. Try again in a minute."))
                    .header("Retry-After", "30").build();
        }
        if (e instanceof OptimisticLockException) {
            return Problem.response(409, "Changed meanwhile", "Someone else changed this at the same time; nothing was saved.");
        }
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            return status == 404 ? notFound()
                    : Problem.response(status, w.getResponse().getStatusInfo().getReasonPhrase(), w.getMessage());
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

    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while ((e instanceof EJBException || e instanceof jakarta.transaction.TransactionalException
                || e instanceof jakarta.transaction.RollbackException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
