package uk.nhs.pharmacy.portal.scim;

import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;

/** RFC 7644 §4: what this service provider supports, its resource type and its schemas. */
@Path("/")
@Produces({ScimJson.MEDIA_TYPE, "application/json"})
public class DiscoveryResource {

    @Context
    UriInfo uri;

    @GET
    @Path("ServiceProviderConfig")
    public Response serviceProviderConfig() {
        ServiceProviderConfigResource config = new ServiceProviderConfigResource(null,
                new PatchConfig(true), new BulkConfig(false, 0, 0), new FilterConfig(true, UserQuery.MAX_RESULTS),
                new ChangePasswordConfig(false), new SortConfig(false), new ETagConfig(true),
                List.of(new AuthenticationScheme("OAuth Bearer Token",
                        "A bearer token the national team issues to the HR system, scoped to its organisations",
                        URI.create("https://www.rfc-editor.org/info/rfc6750"), null, "oauthbearertoken", true)));
        config.setMeta(meta("ServiceProviderConfig", "ServiceProviderConfig"));
        return ScimJson.ok(config).build();
    }

    @GET
    @Path("ResourceTypes")
    public Response resourceTypes() {
        return ScimJson.ok(new ListResponse<>(List.of(userType()))).build();
    }

    @GET
    @Path("ResourceTypes/{name}")
    public Response resourceType(@PathParam("name") String name) {
        return "User".equals(name) ? ScimJson.ok(userType()).build() : ScimExceptionMapper.notFound();
    }

    @GET
    @Path("Schemas")
    public Response schemas() {
        return ScimJson.ok(new ListResponse<>(UserSchema.ALL.stream().map(this::located).toList())).build();
    }

    @GET
    @Path("Schemas/{id}")
    public Response schema(@PathParam("id") String id) {
        return UserSchema.ALL.stream().filter(s -> s.getId().equals(id)).findFirst()
                .map(s -> ScimJson.ok(located(s)).build()).orElseGet(ScimExceptionMapper::notFound);
    }

    private ResourceTypeResource userType() {
        ResourceTypeResource type = UserSchema.USER.toScimResource();
        type.setMeta(meta("ResourceType", "ResourceTypes/User"));
        return type;
    }

    private SchemaResource located(SchemaResource schema) {
        SchemaResource copy = new SchemaResource(schema.getId(), schema.getName(), schema.getDescription(), schema.getAttributes());
        copy.setMeta(meta("Schema", "Schemas/" + schema.getId()));
        return copy;
    }

    private Meta meta(String resourceType, String path) {
        return new Meta().setResourceType(resourceType).setLocation(uri.getBaseUriBuilder().path(path).build());
    }
}
