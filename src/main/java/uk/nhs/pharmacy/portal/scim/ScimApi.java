package uk.nhs.pharmacy.portal.scim;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The SCIM endpoint, for HR systems with a bearer token; none of the JSON API's resources or filters. */
@ApplicationPath("scim/v2")
public class ScimApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(UsersResource.class, DiscoveryResource.class, ScimBearerFilter.class, ScimExceptionMapper.class);
    }
}
