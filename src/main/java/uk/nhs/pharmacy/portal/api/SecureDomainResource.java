package uk.nhs.pharmacy.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.nhs.pharmacy.portal.sending.SecureDomain;
import uk.nhs.pharmacy.portal.sending.SecureDomains;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.net.URI;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** The secure-domain list (the national team edits it) and the check anyone signed in may ask. */
@Path("secure-domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SecureDomainResource {

    @Inject
    SecureDomains domains;

    @Inject
    CurrentUser currentUser;

    public record DomainJson(long id, String domain, String addedBy, Instant addedAt) {
        static DomainJson of(SecureDomain d) {
            return new DomainJson(d.getId(), d.getDomain(), d.getAddedBy(), d.getAddedAt());
        }
    }

    public record DomainInput(String domain, String reason) {
    }

    public record VerdictJson(String address, boolean safe, String reason, String coveredBy) {
    }

    @GET
    public List<DomainJson> list() {
        currentUser.actor(); // signed in with a portal role (SignedInFilter); the list is the same for everyone
        return domains.list().stream().map(DomainJson::of).toList();
    }

    @GET
    @Path("check")
    public VerdictJson check(@QueryParam("address") String address) {
        if (address == null || address.isBlank()) {
            throw new BadRequestException("Send address: the email address to check");
        }
        currentUser.actor();
        SecureDomains.Verdict v = domains.check(address);
        String words = MessageFormat.format(ResourceBundle.getBundle("i18n.messages", Locale.UK).getString(v.reasonKey()),
                v.entry());
        return new VerdictJson(v.address(), v.safe(), words, v.entry());
    }

    @POST
    public Response add(DomainInput body) {
        if (body == null || body.domain() == null) {
            throw new BadRequestException("Send domain and reason");
        }
        SecureDomain added = domains.add(currentUser.actor(), body.domain(), body.reason());
        return Response.created(URI.create("secure-domains/" + added.getId())).entity(DomainJson.of(added)).build();
    }

    @POST
    @Path("{id}/remove")
    public Response remove(@PathParam("id") long id, DomainInput body) {
        domains.remove(currentUser.actor(), id, body == null ? null : body.reason());
        return Response.noContent().build();
    }
}
