package uk.nhs.pharmacy.portal.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import uk.nhs.pharmacy.portal.audit.AuditVerifier;
import uk.nhs.pharmacy.portal.security.CurrentUser;

/** The national team checks that the audit trail is as the portal wrote it. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditVerifier verifier;

    @Inject
    CurrentUser currentUser;

    /** Every row checked; {@code sealNo} and {@code hash}: a head exported earlier, which the chain must still hold. */
    @GET
    @Path("verify")
    public AuditVerifier.Report verify(@QueryParam("sealNo") Long sealNo, @QueryParam("hash") String hash) {
        if ((sealNo == null) != (hash == null)) {
            throw new BadRequestException("Give both sealNo and hash of an exported head, or neither");
        }
        return verifier.verify(currentUser.actor(), sealNo, hash);
    }
}
