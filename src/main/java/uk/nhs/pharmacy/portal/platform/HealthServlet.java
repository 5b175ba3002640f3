package uk.nhs.pharmacy.portal.platform;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;

/**
 * Serves the application's MicroProfile readiness checks at {@code /health/ready} in the
 * MicroProfile Health JSON format. Payara's own {@code /health} endpoint is hidden when the
 * portal is deployed at the context root, so the portal answers for itself.
 */
@WebServlet(urlPatterns = {"/health", "/health/ready"})
public class HealthServlet extends HttpServlet {

    @Inject
    @Any
    @Readiness
    Instance<HealthCheck> readinessChecks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = true;
        JsonArrayBuilder checks = Json.createArrayBuilder();
        for (HealthCheck check : readinessChecks) {
            HealthCheckResponse result = check.call();
            up &= result.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("name", result.getName())
                    .add("status", result.getStatus().name());
            result.getData().ifPresent(data -> {
                JsonObjectBuilder dataJson = Json.createObjectBuilder();
                data.forEach((key, value) -> dataJson.add(key, String.valueOf(value)));
                json.add("data", dataJson);
            });
            checks.add(json);
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN").add("checks", checks).build().toString());
    }
}
