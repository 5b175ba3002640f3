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

    @Inject
    uk.nhs.pharmacy.portal.mailbox.MailboxReconciler reconciler;

    @Inject
    uk.nhs.pharmacy.portal.sending.MailRefusals refusals;

    private Dtos.PremisesJson json(uk.nhs.pharmacy.portal.mailbox.PremisesDetails details) {
        return Dtos.PremisesJson.of(details, refusals.count(details.premises().getId(), 30));
    }

    @GET
    public Dtos.PremisesJson get(@PathParam("ods") String ods) {
        return json(find(ods));
    }

    @POST
    @Path("mailbox")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createMailbox(@PathParam("ods") String ods, Dtos.RevokeJson body) {
        var premises = queries.visiblePremises(currentUser.actor(), OdsCode.premises(ods)).orElseThrow(NotFoundException::new);
        service.createMailbox(currentUser.actor(), premises.getId(), body == null ? null : body.reason());
        return Response.status(201).entity(json(find(ods))).build();
    }

    public record ProvisioningJson(long id, String kind, String account, String rights, String state, int attempts,
                                   java.time.Instant createdAt, java.time.Instant appliedAt, String lastError) {
    }

    /** The changes queued for the mail platform, newest first, with their state (pending, applied, failed). */
    @GET
    @Path("provisioning")
    public java.util.List<ProvisioningJson> provisioning(@PathParam("ods") String ods) {
        PremisesDetails details = find(ods);
        return details.provisioning().stream().map(e -> new ProvisioningJson(e.getId(), e.getKind().name(),
                e.getAccountAddress(), e.getRights(), e.getState().name(), e.getAttempts(), e.getCreatedAt(),
                e.getAppliedAt(), e.getLastError())).toList();
    }

    /** Compares the platform's rights on the mailbox with the portal's; {@code repair=true} puts it back (audited). */
    @POST
    @Path("reconcile")
    @Consumes(MediaType.APPLICATION_JSON)
    public java.util.List<uk.nhs.pharmacy.portal.provisioning.Reconciliation.Drift> reconcile(
            @PathParam("ods") String ods, @jakarta.ws.rs.QueryParam("repair") boolean repair) {
        var premises = queries.visiblePremises(currentUser.actor(), OdsCode.premises(ods)).orElseThrow(NotFoundException::new);
        var mailbox = queries.openMailbox(premises).orElseThrow(NotFoundException::new);
        return reconciler.check(currentUser.actor(), mailbox, repair, "Reconciliation from the API");
    }

    PremisesDetails find(String ods) {
        return queries.premises(currentUser.actor(), OdsCode.premises(ods)).orElseThrow(NotFoundException::new);
    }
}
