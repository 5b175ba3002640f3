package uk.nhs.pharmacy.portal.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import uk.nhs.pharmacy.portal.hr.HrFeed;
import uk.nhs.pharmacy.portal.platform.Failure;
import uk.nhs.pharmacy.portal.platform.RuleViolation;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure in the SCIM error format (RFC 7644 §3.12), classified once by {@link Failure} as on
 * every other channel: missing and out of scope are the same 404; a refusal by a rule is a 400
 * {@code invalidValue} with the rule's words (SCIM has no 422), an address in use a 409
 * {@code uniqueness}; a stale {@code If-Match} a 412; no database a 503.
 */
@Provider
public class ScimExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ScimExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        if (thrown instanceof ScimException e) {
            return ScimJson.error(e.getScimError());
        }
        Failure failure = Failure.of(thrown);
        Throwable e = failure.cause();
        if (e instanceof HrFeed.VersionMismatch) {
            return ScimJson.error(412, null, ScimJson.words("scim.versionMismatch"));
        }
        return switch (failure.kind()) {
            case NOT_FOUND -> notFound();
            case FORBIDDEN -> ScimJson.error(403, null, failure.words());
            case REFUSED -> "refusal.account.addressTaken".equals(((RuleViolation) e).key())
                    ? ScimJson.error(409, BadRequestException.UNIQUENESS, failure.words())
                    : ScimJson.error(400, BadRequestException.INVALID_VALUE, failure.words());
            case INVALID -> ScimJson.error(400, BadRequestException.INVALID_VALUE, failure.words());
            case CONFLICT -> ScimJson.error(409, null, ScimJson.words("scim.changedMeanwhile"));
            case UNAVAILABLE -> Response.fromResponse(ScimJson.error(503, null, failure.words())).header("Retry-After", "30").build();
            case FAULT -> fault(thrown, e);
        };
    }

    static Response notFound() {
        return ScimJson.error(404, null, ScimJson.words("scim.notFound"));
    }

    private static Response fault(Throwable thrown, Throwable e) {
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            return status == 404 ? notFound() : ScimJson.error(status, null, w.getResponse().getStatusInfo().getReasonPhrase());
        }
        LOG.log(Level.SEVERE, "Unexpected SCIM failure", thrown);
        return ScimJson.error(500, null, ScimJson.words("failure.fault"));
    }
}
