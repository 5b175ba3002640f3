package uk.nhs.pharmacy.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.nhs.pharmacy.portal.hr.HrToken;
import uk.nhs.pharmacy.portal.hr.HrTokens;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The national team's tokens for HR systems calling the SCIM endpoint: issue (the secret is in this
 * answer only), rotate, revoke, list.
 */
@Path("hr-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HrTokenResource {

    @Inject
    HrTokens tokens;

    @Inject
    CurrentUser currentUser;

    public record TokenInput(String name, List<String> scope) {
    }

    public record TokenJson(long id, String name, List<String> scope, String issuedBy, Instant issuedAt, Instant rotatedAt,
                            Instant revokedAt, Instant lastUsedAt) {
    }

    /** A token with its secret: the only time the secret is shown. */
    public record IssuedJson(TokenJson token, String secret) {
    }

    @GET
    public List<TokenJson> list(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        if (first < 0 || max < 1 || max > 500) {
            throw new BadRequestException("first must be 0 or more and max 1 to 500");
        }
        return tokens.list(currentUser.actor(), first, max).stream().map(this::json).toList();
    }

    @POST
    public Response issue(TokenInput body) {
        if (body == null || body.name() == null || body.scope() == null || body.scope().isEmpty()) {
            throw new BadRequestException("Send name, and scope: the ODS codes of the contractors or areas the HR system covers");
        }
        HrTokens.Issued issued = tokens.issue(currentUser.actor(), body.name(), body.scope().stream().map(OdsCode::of).toList());
        return Response.created(URI.create("hr-tokens/" + issued.token().getId()))
                .entity(new IssuedJson(json(issued.token()), issued.secret())).build();
    }

    @POST
    @Path("{id}/rotate")
    public IssuedJson rotate(@PathParam("id") long id) {
        HrTokens.Issued issued = tokens.rotate(currentUser.actor(), id);
        return new IssuedJson(json(issued.token()), issued.secret());
    }

    @POST
    @Path("{id}/revoke")
    public TokenJson revoke(@PathParam("id") long id, Dtos.RevokeJson body) {
        return json(tokens.revoke(currentUser.actor(), id, body == null ? null : body.reason()));
    }

    private TokenJson json(HrToken t) {
        return new TokenJson(t.getId(), t.getName(), tokens.scopeCodes(t), t.getIssuedBy(), t.getIssuedAt(), t.getRotatedAt(),
                t.getRevokedAt(), t.getLastUsedAt());
    }
}
