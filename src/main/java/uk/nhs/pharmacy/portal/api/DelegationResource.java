package uk.nhs.pharmacy.portal.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.ExpiringAccess;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;
import uk.nhs.pharmacy.portal.mailbox.Permission;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.net.URI;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Grant, change and revoke access: the same service, rules and audit as the premises page. */
@Path("delegations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DelegationResource {


    @Inject
    MailboxService service;

    @Inject
    CurrentUser currentUser;

    @Inject
    ExpiringAccess expiringAccess;

    @POST
    public Response grant(Dtos.GrantJson body) {
        if (body == null) {
            throw new BadRequestException("Send odsCode, account, permissions, owner, lastDay and reason");
        }
        Delegation granted = service.grantAt(currentUser.actor(), OdsCode.premises(body.odsCode()),
                MailAddress.of(body.account()), permissions(body.permissions()), body.owner(), body.lastDay(),
                body.reason());
        return Response.created(URI.create("delegations/" + granted.getId())).entity(Dtos.AccessJson.of(granted)).build();
    }

    @PUT
    @Path("{id}")
    public Dtos.AccessJson change(@PathParam("id") long id, Dtos.ChangeJson body) {
        if (body == null) {
            throw new BadRequestException("Send version, permissions, owner, reason (and confirm)");
        }
        return Dtos.AccessJson.of(service.changePermissions(currentUser.actor(), id, body.version(),
                permissions(body.permissions()), body.owner(), body.confirm(), body.reason()));
    }

    @POST
    @Path("{id}/revoke")
    public Dtos.AccessJson revoke(@PathParam("id") long id, Dtos.RevokeJson body) {
        if (body == null) {
            throw new BadRequestException("Send a reason (and version, confirm)");
        }
        Delegation revoked = body.version() == null
                ? service.revoke(currentUser.actor(), id, body.reason(), body.confirm())
                : service.revoke(currentUser.actor(), id, body.version(), body.reason(), body.confirm());
        return Dtos.AccessJson.of(revoked);
    }

    /** Live access ending within {@code days} (default 7, at most 90) in the caller's scope, soonest first. */
    @GET
    @Path("expiring")
    public List<Dtos.ExpiringJson> expiring(@QueryParam("days") @DefaultValue("7") int days,
                                            @QueryParam("first") @DefaultValue("0") int first,
                                            @QueryParam("max") @DefaultValue("50") int max) {
        if (days < 1 || days > 90 || first < 0 || max < 1 || max > 500) {
            throw new BadRequestException("days must be 1 to 90, first 0 or more, max 1 to 500");
        }
        return expiringAccess.page(currentUser.actor(), java.time.Duration.ofDays(days), first, max, "expiresAt", true)
                .stream().map(d -> new Dtos.ExpiringJson(d.getId(), d.getVersion(), d.getAccount().getAddress().value(),
                        d.getAccount().displayName(), d.getMailbox().getPremises().getOdsCode().value(),
                        d.getMailbox().getAddress().value(), d.getLastDay()))
                .toList();
    }

    /** Moves the last day of time-limited access; audited. Owners may move it to another date on their premises. */
    @PUT
    @Path("{id}/expiry")
    public Dtos.AccessJson extend(@PathParam("id") long id, Dtos.ExpiryJson body) {
        if (body == null) {
            throw new BadRequestException("Send version, lastDay (null removes the end) and reason");
        }
        return Dtos.AccessJson.of(service.extend(currentUser.actor(), id, body.version(), body.lastDay(), body.reason()));
    }

    private static Set<Permission> permissions(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new BadRequestException("Give at least one permission: FULL_ACCESS, SEND_AS, SEND_ON_BEHALF");
        }
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        for (String name : names) {
            try {
                set.add(Permission.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("'" + name + "' is not a permission: FULL_ACCESS, SEND_AS, SEND_ON_BEHALF");
            }
        }
        return set;
    }
}
