package uk.nhs.pharmacy.portal.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.nhs.pharmacy.portal.account.AccountRepository;
import uk.nhs.pharmacy.portal.account.AccountService;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.mailbox.AccountDetails;
import uk.nhs.pharmacy.portal.mailbox.MailboxQueries;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.net.URI;
import java.util.List;

/** Personal accounts: search, read (every mailbox the person reaches), create for a premises, edit. */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountRepository accounts;

    @Inject
    AccountService service;

    @Inject
    MailboxQueries queries;

    @Inject
    CurrentUser currentUser;

    @GET
    public List<Dtos.AccountJson> search(@QueryParam("q") String q) {
        return accounts.searchActive(q, 20).stream().map(Dtos.AccountJson::of).toList();
    }

    @GET
    @Path("{address}")
    public Dtos.AccountDetailsJson get(@PathParam("address") String address) {
        AccountDetails details = queries.account(currentUser.actor(), MailAddress.of(address))
                .orElseThrow(NotFoundException::new);
        return new Dtos.AccountDetailsJson(Dtos.AccountJson.of(details.account()), details.homeName(),
                details.access().stream().map(d -> new Dtos.ReachJson(d.getMailbox().getPremises().getOdsCode().value(),
                        d.getMailbox().getPremises().getName(), d.getMailbox().getAddress().value(),
                        Dtos.AccessJson.of(d))).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Dtos.AccountInputJson body) {
        if (body == null || body.homeOdsCode() == null) {
            throw new BadRequestException("Send homeOdsCode, firstName, lastName, jobRole and mobileDevice");
        }
        var home = queries.visiblePremises(currentUser.actor(), OdsCode.premises(body.homeOdsCode()))
                .orElseThrow(NotFoundException::new);
        PersonalAccount created = service.create(currentUser.actor(), home.getId(), body.firstName(),
                body.lastName(), jobRole(body.jobRole()), body.mobileDevice());
        return Response.created(URI.create("accounts/" + created.getAddress().value()))
                .entity(Dtos.AccountJson.of(created)).build();
    }

    @PUT
    @Path("{address}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dtos.AccountJson edit(@PathParam("address") String address, Dtos.AccountInputJson body) {
        if (body == null) {
            throw new BadRequestException("Send firstName, lastName, jobRole and mobileDevice");
        }
        return Dtos.AccountJson.of(service.edit(currentUser.actor(), MailAddress.of(address), body.firstName(),
                body.lastName(), jobRole(body.jobRole()), body.mobileDevice()));
    }

    /** A leaver accepted by another organisation within their 30 days; body: homeOdsCode and reason. */
    @POST
    @Path("{address}/joiner")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dtos.AccountJson acceptJoiner(@PathParam("address") String address, Dtos.JoinerJson body) {
        if (body == null || body.homeOdsCode() == null) {
            throw new BadRequestException("Send homeOdsCode (the organisation they join) and reason");
        }
        return Dtos.AccountJson.of(service.acceptJoiner(currentUser.actor(), MailAddress.of(address),
                uk.nhs.pharmacy.portal.organisation.OdsCode.of(body.homeOdsCode()), body.reason()));
    }

    private static JobRole jobRole(String name) {
        try {
            return JobRole.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadRequestException("jobRole must be one of " + List.of(JobRole.values()));
        }
    }
}
