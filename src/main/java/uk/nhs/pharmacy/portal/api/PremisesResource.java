package uk.nhs.pharmacy.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.nhs.pharmacy.portal.mailbox.MailboxQueries;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;
import uk.nhs.pharmacy.portal.mailbox.PremisesDetails;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.security.CurrentUser;

/** A premises, its mailbox and who has access; and creating its mailbox. */
@Path("premises/{ods}")
@Produces(MediaType.APPLICATION_JSON)
public class PremisesResource {

    @Inject
    MailboxQueries queries;

    @Inject
    MailboxService service;

    @Inject
    CurrentUser currentUser;

    @GET
    public Dtos.PremisesJson get(@PathParam("ods") String ods) {
        return Dtos.PremisesJson.of(find(ods));
    }

    @POST
    @Path("mailbox")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createMailbox(@PathParam("ods") String ods, Dtos.RevokeJson body) {
        var premises = queries.visiblePremises(currentUser.actor(), OdsCode.premises(ods)).orElseThrow(NotFoundException::new);
        service.createMailbox(currentUser.actor(), premises.getId(), body == null ? null : body.reason());
        return Response.status(201).entity(Dtos.PremisesJson.of(find(ods))).build();
    }

    PremisesDetails find(String ods) {
        return queries.premises(currentUser.actor(), OdsCode.premises(ods)).orElseThrow(NotFoundException::new);
    }
}
