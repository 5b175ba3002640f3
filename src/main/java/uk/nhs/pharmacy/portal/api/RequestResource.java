package uk.nhs.pharmacy.portal.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
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
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.leaver.LeaverKind;
import uk.nhs.pharmacy.portal.mailbox.Permission;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.request.AccessRequest;
import uk.nhs.pharmacy.portal.request.RequestKind;
import uk.nhs.pharmacy.portal.request.RequestQueries;
import uk.nhs.pharmacy.portal.request.RequestService;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/** Owners' requests and the LOAs' decisions: the same service, scope and rules as the screens. */
@Path("requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {

    @Inject
    RequestService service;

    @Inject
    RequestQueries queries;

    @Inject
    CurrentUser currentUser;

    public record RequestInputJson(String kind, String odsCode, String account, String firstName, String lastName,
                                   String jobRole, Long delegationId, List<String> permissions,
                                   @JsonbTypeDeserializer(StrictBoolean.class) boolean owner,
                                   LocalDate lastDay, String leaverKind, LocalDate effectiveDate, String reason) {
    }

    public record DecisionJson(@JsonbTypeDeserializer(StrictBoolean.class) boolean approve, @JsonbTypeDeserializer(StrictBoolean.class) boolean confirm, String reason) {
    }

    public record RequestJson(long id, String kind, String state, String odsCode, String subject, String reason,
                              String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                              String decisionReason, String result) {
        static RequestJson of(AccessRequest r) {
            return new RequestJson(r.getId(), r.getKind().name(), r.getState().name(),
                    r.getPremises().getOdsCode().value(), r.subjectName(), r.getReason(), r.getRequestedBy(),
                    r.getRequestedAt(), r.getDecidedBy(), r.getDecidedAt(), r.getDecisionReason(), r.getResult());
        }
    }

    @POST
    public Response submit(RequestInputJson body) {
        if (body == null) {
            throw new BadRequestException("Send kind (GRANT, CHANGE, REVOKE, LEAVER), odsCode or delegationId, and reason");
        }
        EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (body.permissions() != null) {
            body.permissions().forEach(p -> permissions.add(Permission.valueOf(p)));
        } else {
            permissions.add(Permission.FULL_ACCESS);
        }
        AccessRequest submitted = service.submit(currentUser.actor(), new RequestService.RequestInput(
                RequestKind.valueOf(body.kind() == null ? "" : body.kind().toUpperCase(Locale.ROOT)),
                body.odsCode() == null ? null : OdsCode.premises(body.odsCode()),
                body.account() == null ? null : MailAddress.of(body.account()), body.firstName(), body.lastName(),
                body.jobRole() == null ? null : JobRole.valueOf(body.jobRole()), body.delegationId(), permissions,
                body.owner(), body.lastDay(), body.leaverKind() == null ? null : LeaverKind.parse(body.leaverKind())
                .orElseThrow(() -> new BadRequestException("leaverKind must be premises, contractor or nhs")),
                body.effectiveDate(), body.reason()));
        return Response.created(URI.create("requests/" + submitted.getId())).entity(RequestJson.of(submitted)).build();
    }

    /** For an owner, their own requests; for an LOA or national administrator, the queue to decide (oldest first). */
    @GET
    public List<RequestJson> list(@QueryParam("first") @DefaultValue("0") int first,
                                  @QueryParam("max") @DefaultValue("50") int max) {
        if (first < 0 || max < 1 || max > 500) {
            throw new BadRequestException("first must be 0 or more and max 1 to 500");
        }
        List<AccessRequest> found = currentUser.isOwner() ? queries.mine(currentUser.actor(), first, max)
                : queries.queue(currentUser.actor(), first, max);
        return found.stream().map(RequestJson::of).toList();
    }

    @GET
    @Path("{id}")
    public RequestJson get(@PathParam("id") long id) {
        return RequestJson.of(queries.find(currentUser.actor(), id).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("{id}/decision")
    public RequestJson decide(@PathParam("id") long id, DecisionJson body) {
        if (body == null) {
            throw new BadRequestException("Send approve (true or false), reason, and confirm if needed");
        }
        queries.find(currentUser.actor(), id).orElseThrow(NotFoundException::new);
        return RequestJson.of(body.approve() ? service.approve(currentUser.actor(), id, body.confirm(), body.reason())
                : service.reject(currentUser.actor(), id, body.reason()));
    }

    @POST
    @Path("{id}/withdraw")
    public RequestJson withdraw(@PathParam("id") long id) {
        queries.find(currentUser.actor(), id).orElseThrow(NotFoundException::new);
        return RequestJson.of(service.withdraw(currentUser.actor(), id));
    }
}
