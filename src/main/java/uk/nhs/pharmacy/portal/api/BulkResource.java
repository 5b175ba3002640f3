package uk.nhs.pharmacy.portal.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.nhs.pharmacy.portal.mailbox.BulkAccessService;
import uk.nhs.pharmacy.portal.mailbox.BulkGrant;
import uk.nhs.pharmacy.portal.mailbox.Permission;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.util.EnumSet;
import java.util.List;

/** Bulk grant or revoke: preview every line, then apply all or nothing (422 with the lines if any fails). */
@Path("bulk")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BulkResource {

    @Inject
    BulkAccessService service;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("preview")
    public List<BulkGrant.Line> preview(Dtos.BulkJson body) {
        return service.preview(currentUser.actor(), bulk(body));
    }

    @POST
    @Path("apply")
    public Response apply(Dtos.BulkJson body) {
        List<BulkGrant.Line> lines = service.apply(currentUser.actor(), bulk(body));
        boolean applied = lines.stream().allMatch(BulkGrant.Line::ok);
        return Response.status(applied ? 200 : 422).entity(lines).build();
    }

    private static BulkGrant bulk(Dtos.BulkJson body) {
        if (body == null) {
            throw new BadRequestException("Send revoke, accounts, odsCodes, permissions, lastDay, reason, confirm");
        }
        EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (body.permissions() != null) {
            body.permissions().forEach(p -> permissions.add(Permission.valueOf(p)));
        }
        if (!body.revoke() && permissions.isEmpty()) {
            permissions.add(Permission.FULL_ACCESS);
        }
        return new BulkGrant(body.revoke(), body.accounts() == null ? List.of() : body.accounts(),
                body.odsCodes() == null ? List.of() : body.odsCodes(), permissions, body.owner(), body.lastDay(),
                body.reason(), body.confirm());
    }
}
