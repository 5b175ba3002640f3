package uk.nhs.pharmacy.portal.scim;

import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.SchemaUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;

import java.beans.IntrospectionException;
import java.util.List;
import java.util.Set;

/**
 * The User resource type as this service provider holds it: the RFC 7643 core and enterprise schemas
 * narrowed to the attributes a personal account has (discovery tells a client the truth), and the
 * portal's extension.
 */
final class UserSchema {

    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PORTAL = PortalUserExtension.URN;

    private static final Set<String> CORE_ATTRIBUTES = Set.of("userName", "name", "displayName", "title", "active", "emails");
    private static final Set<String> ENTERPRISE_ATTRIBUTES = Set.of("organization");

    static final SchemaResource CORE_SCHEMA = narrowed(UserResource.class, CORE_ATTRIBUTES);
    static final SchemaResource ENTERPRISE_SCHEMA = narrowed(EnterpriseUserExtension.class, ENTERPRISE_ATTRIBUTES);
    static final SchemaResource PORTAL_SCHEMA = schema(PortalUserExtension.class);
    static final List<SchemaResource> ALL = List.of(CORE_SCHEMA, ENTERPRISE_SCHEMA, PORTAL_SCHEMA);

    static final ResourceTypeDefinition USER = new ResourceTypeDefinition.Builder("User", "/Users")
            .setId("User").setDescription("A staff member's or locum's personal NHSmail account")
            .setCoreSchema(CORE_SCHEMA)
            .addOptionalSchemaExtension(ENTERPRISE_SCHEMA)
            .addOptionalSchemaExtension(PORTAL_SCHEMA)
            .build();

    private UserSchema() {
    }

    private static SchemaResource narrowed(Class<?> type, Set<String> kept) {
        SchemaResource full = schema(type);
        return new SchemaResource(full.getId(), full.getName(), full.getDescription(),
                full.getAttributes().stream().filter(a -> kept.contains(a.getName())).toList());
    }

    private static SchemaResource schema(Class<?> type) {
        try {
            return SchemaUtils.getSchema(type);
        } catch (IntrospectionException e) {
            throw new IllegalStateException("The SDK could not describe " + type, e);
        }
    }
}
