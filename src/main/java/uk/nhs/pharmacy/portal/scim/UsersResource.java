package uk.nhs.pharmacy.portal.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.server.utils.ResourcePreparer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.hr.HrFeed;
import uk.nhs.pharmacy.portal.hr.HrPerson;
import uk.nhs.pharmacy.portal.platform.NotFound;

import java.net.URI;
import java.util.List;

/**
 * {@code /Users}: personal accounts as SCIM Users. Reads are narrowed to the token's scope; every
 * change is the {@link HrFeed}'s (a joiner, a leaver case, a mover), so the screens' rules, audit and
 * mail-platform events apply. Versions are ETags; {@code If-Match} makes a change conditional.
 */
@Path("Users")
@Produces({ScimJson.MEDIA_TYPE, "application/json"})
@Consumes({ScimJson.MEDIA_TYPE, "application/json"})
public class UsersResource {

    @Inject
    HrFeed feed;

    @Inject
    UserQuery query;

    @Inject
    ScimCaller caller;

    @Context
    UriInfo uri;

    @GET
    public Response search(@QueryParam("filter") String filter, @QueryParam("startIndex") Integer startIndex,
                           @QueryParam("count") Integer count) throws ScimException {
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? 100 : Math.max(0, Math.min(count, UserQuery.MAX_RESULTS));
        Filter parsed = filter == null || filter.isBlank() ? null : parse(filter);
        UserQuery.Page page = query.find(caller.actor(), parsed, start, size);
        ResourcePreparer<GenericScimResource> preparer = preparer();
        List<GenericScimResource> resources = page.accounts().stream()
                .map(a -> preparer.trimRetrievedResource(UserMapping.toScim(a, location(a)))).toList();
        return ScimJson.ok(new ListResponse<>((int) Math.min(page.total(), Integer.MAX_VALUE), resources, start, resources.size()))
                .build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch)
            throws ScimException {
        PersonalAccount account = found(id);
        if (UserMapping.etag(account).equals(ifNoneMatch)) {
            return Response.notModified(UserMapping.etag(account)).build();
        }
        return answer(Response.ok(), account);
    }

    @POST
    public Response create(String body) throws ScimException {
        HrPerson person = UserMapping.toPerson(ScimJson.read(body), null);
        PersonalAccount created = feed.create(caller.actor(), person);
        return answer(Response.created(location(created)), created);
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body)
            throws ScimException {
        long accountId = id(id);
        ObjectNode user = ScimJson.read(body);
        PersonalAccount current = found(id);
        refuseNewUserName(current, user);
        PersonalAccount replaced = feed.replace(caller.actor(), accountId, UserMapping.toPerson(user, current.getJobRole()), version(ifMatch));
        return answer(Response.ok(), replaced);
    }

    /** RFC 7644 §3.5.2: the operations are applied to the User as it is, and the result is what the HR system states. */
    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body)
            throws ScimException {
        PatchRequest patch = ScimJson.read(body, PatchRequest.class);
        PersonalAccount current = found(id);
        GenericScimResource user = UserMapping.toScim(current, location(current));
        patch.apply(user);
        refuseNewUserName(current, user.getObjectNode());
        PersonalAccount patched = feed.replace(caller.actor(), current.getId(), UserMapping.toPerson(user.getObjectNode(), current.getJobRole()),
                version(ifMatch));
        return answer(Response.ok(), patched);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws ScimException {
        PersonalAccount account = found(id);
        feed.delete(caller.actor(), account.getId(), version(ifMatch));
        return Response.noContent().build();
    }

    private PersonalAccount found(String id) {
        return feed.find(caller.actor(), id(id)).orElseThrow(NotFound::new);
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
    }

    /** The address is the account: NHSmail never renames it, so a new userName is a change SCIM calls mutability. */
    private static void refuseNewUserName(PersonalAccount current, ObjectNode user) throws BadRequestException {
        var userName = user.get("userName");
        if (userName != null && userName.isTextual() && !userName.asText().strip().equalsIgnoreCase(current.getAddress().value())) {
            throw BadRequestException.mutability(ScimJson.words("scim.userNameImmutable", current.getAddress().value()));
        }
    }

    /** The version an If-Match names, or null for none (or "*"); one that is not ours is stale. */
    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private Response answer(Response.ResponseBuilder builder, PersonalAccount account) throws BadRequestException {
        GenericScimResource user = preparer().trimRetrievedResource(UserMapping.toScim(account, location(account)));
        return builder.type(ScimJson.MEDIA_TYPE).entity(ScimJson.write(user)).tag(
                new jakarta.ws.rs.core.EntityTag(String.valueOf(account.getVersion()), true)).build();
    }

    private ResourcePreparer<GenericScimResource> preparer() throws BadRequestException {
        return new ResourcePreparer<>(UserSchema.USER, uri);
    }

    private Filter parse(String filter) throws BadRequestException {
        try {
            return Filter.fromString(filter);
        } catch (BadRequestException e) {
            // The SDK's message names the position; what follows it is the JSON parser's, about its own input.
            String where = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)(at position \\d+).*", "$1");
            throw BadRequestException.invalidFilter(ScimJson.words("scim.filterUnreadable", filter, where));
        }
    }

    private URI location(PersonalAccount account) {
        return uri.getBaseUriBuilder().path("Users").path(String.valueOf(account.getId())).build();
    }
}
