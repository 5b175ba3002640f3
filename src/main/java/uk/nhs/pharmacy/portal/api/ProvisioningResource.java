package uk.nhs.pharmacy.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;
import uk.nhs.pharmacy.portal.security.CurrentUser;

/** Retrying a platform change that was dead-lettered after repeated failures. */
@Path("provisioning")
public class ProvisioningResource {

    @Inject
    MailboxService service;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("{id}/retry")
    @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    public Response retry(@PathParam("id") long id) {
        service.retryProvisioning(currentUser.actor(), id);
        return Response.noContent().build();
    }
}
