package uk.nhs.pharmacy.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import uk.nhs.pharmacy.portal.account.AccountRepository;

import java.util.List;

/** Account search by address or surname prefix (at most 20), as the screens' autocomplete does. */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountRepository accounts;

    @GET
    public List<Dtos.AccountJson> search(@QueryParam("q") String q) {
        return accounts.searchActive(q, 20).stream()
                .map(a -> new Dtos.AccountJson(a.getAddress().value(), a.displayName(), a.getJobRole().name(),
                        a.getStatus().name()))
                .toList();
    }
}
