package uk.nhs.pharmacy.portal.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.leaver.LeaverCase;
import uk.nhs.pharmacy.portal.leaver.LeaverKind;
import uk.nhs.pharmacy.portal.leaver.LeaverQueries;
import uk.nhs.pharmacy.portal.leaver.LeaverService;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.net.URI;
import java.util.List;

/**
 * Leavers from an HR or rostering system, or any client: the same service, rules, scope and audit
 * as the leavers page. A case whose date has come runs in the same request.
 */
@Path("leavers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeaverResource {

    @Inject
    LeaverService service;

    @Inject
    LeaverQueries queries;

    @Inject
    CurrentUser currentUser;

    @POST
    public Response open(Dtos.LeaverInputJson body) {
        if (body == null) {
            throw new BadRequestException("Send account, kind (premises, contractor or nhs), odsCode, effectiveDate and reason");
        }
        LeaverKind kind = LeaverKind.parse(body.kind()).orElseThrow(() ->
                new BadRequestException("kind must be premises, contractor or nhs, not '" + body.kind() + "'"));
        LeaverCase opened = service.open(currentUser.actor(), new LeaverService.LeaverRequest(
                MailAddress.of(body.account()), kind,
                body.odsCode() == null || body.odsCode().isBlank() ? null : OdsCode.of(body.odsCode()),
                UkTime.startOf(body.effectiveDate()), body.reason()));
        return Response.created(URI.create("leavers/" + opened.getId())).entity(Dtos.LeaverCaseJson.of(opened)).build();
    }

    @GET
    public List<Dtos.LeaverCaseJson> list(@QueryParam("state") @DefaultValue("open") String state,
                                          @QueryParam("account") String account,
                                          @QueryParam("first") @DefaultValue("0") int first,
                                          @QueryParam("max") @DefaultValue("50") int max) {
        if (first < 0 || max < 1 || max > 500) {
            throw new BadRequestException("first must be 0 or more and max 1 to 500");
        }
        var filter = new LeaverQueries.CaseFilter("open".equals(state), "closed".equals(state), account);
        return queries.cases(currentUser.actor(), filter, first, max, "effectiveAt", false).stream()
                .map(Dtos.LeaverCaseJson::of).toList();
    }

    @GET
    @Path("{id}")
    public Dtos.LeaverCaseJson get(@PathParam("id") long id) {
        return Dtos.LeaverCaseJson.of(queries.find(currentUser.actor(), id).orElseThrow(NotFoundException::new));
    }

    /** Resolves a waiting successor step: a successor's address, or confirmException with a reason. */
    @POST
    @Path("{id}/steps/{stepId}")
    public Dtos.LeaverCaseJson resolve(@PathParam("id") long id, @PathParam("stepId") long stepId, Dtos.SuccessorJson body) {
        if (body == null || (body.successor() == null) == !body.confirmException()) {
            throw new BadRequestException("Send either successor or confirmException: true, with a reason");
        }
        queries.find(currentUser.actor(), id).orElseThrow(NotFoundException::new);
        LeaverCase resolved = body.confirmException()
                ? service.confirmException(currentUser.actor(), id, stepId, body.reason())
                : service.chooseSuccessor(currentUser.actor(), id, stepId, MailAddress.of(body.successor()), body.reason());
        return Dtos.LeaverCaseJson.of(resolved);
    }

    @POST
    @Path("{id}/cancel")
    public Dtos.LeaverCaseJson cancel(@PathParam("id") long id, Dtos.RevokeJson body) {
        queries.find(currentUser.actor(), id).orElseThrow(NotFoundException::new);
        return Dtos.LeaverCaseJson.of(service.cancel(currentUser.actor(), id, body == null ? null : body.reason()));
    }
}
