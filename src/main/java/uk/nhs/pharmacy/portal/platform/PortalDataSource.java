package uk.nhs.pharmacy.portal.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The portal's one datasource. Every attribute comes from MicroProfile Config, so
 * {@code DB_URL}-style environment variables or {@code -Ddb.url=} switch it from the embedded
 * H2 default to MySQL. The pool validates connections so the portal recovers by itself after
 * the database comes back: at most once every 5 seconds per connection, since each check is a round
 * trip to the database (with it on every checkout, an API grant made three of them).
 */
@DataSourceDefinition(
        name = PortalDataSource.JNDI_NAME,
        className = "${MPCONFIG=db.class}",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        initialPoolSize = 2,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.validate-atmost-once-period-in-seconds=5",
                "fish.payara.connection-leak-timeout-in-seconds=0"
        })
@ApplicationScoped
public class PortalDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/portal";
}
