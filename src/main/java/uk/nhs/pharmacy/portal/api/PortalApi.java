package uk.nhs.pharmacy.portal.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The JSON API at {@code /api}. Its classes are listed because the WAR holds a second JAX-RS
 * application (SCIM, at {@code /scim/v2}): an application that lists none is given every resource
 * and provider of the archive, so the SCIM resources would answer under {@code /api} too.
 * {@code JaxRsApplicationsTest} fails when a resource or provider of this package is missing here.
 */
@ApplicationPath("api")
public class PortalApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AccountResource.class, AuditResource.class, BulkResource.class, DelegationResource.class, DisclosureResource.class,
                HrTokenResource.class, LeaverFileResource.class, LeaverResource.class, OpenApiResource.class,
                DeputyResource.class, PremisesResource.class, ProvisioningResource.class, RegistrationResource.class, RequestResource.class, ReviewResource.class,
                SecureDomainResource.class,
                SessionResource.class, UserResource.class,
                ProblemMappers.class, ProblemMappers.Validation.class, SignedInFilter.class);
    }
}
