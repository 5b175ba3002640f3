package uk.nhs.pharmacy.portal.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's OpenAPI document (META-INF/openapi.yaml, the file MicroProfile OpenAPI reads), served at
 * /api/openapi.yaml: Payara's own /openapi is hidden when the portal is deployed at the context root.
 */
@Path("openapi.yaml")
public class OpenApiResource {

    @GET
    @Produces("application/yaml")
    public String document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            if (in == null) {
                throw new NotFoundException();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
