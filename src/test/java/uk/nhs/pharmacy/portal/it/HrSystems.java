package uk.nhs.pharmacy.portal.it;

import com.unboundid.scim2.client.ScimService;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import uk.nhs.pharmacy.portal.demo.GmPharmacy;
import uk.nhs.pharmacy.portal.demo.GmPharmacyList;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HR systems as tests see them: tokens the national team issues over the JSON API, and a SCIM client
 * we did not write (UnboundID's SCIM 2 SDK) or plain HTTP with such a token.
 */
final class HrSystems {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HrSystems() {
    }

    /** A token's id and its secret. */
    record Token(long id, String secret) {
    }

    /** Issues a token, as the national team, for the organisations with these ODS codes. */
    static Token issue(ApiClient national, String name, String... scope) throws Exception {
        JsonObject issued = national.expect(201, "POST", "hr-tokens", "{\"name\":\"" + name + " " + unique()
                + "\",\"scope\":[" + String.join(",", java.util.Arrays.stream(scope).map(s -> "\"" + s + "\"").toList()) + "]}");
        return new Token(issued.getJsonObject("token").getJsonNumber("id").longValue(), issued.getString("secret"));
    }

    /** A SCIM client configured with the base URL and a token, nothing else. */
    static ScimService client(String baseUrl, String secret) {
        Client client = ClientBuilder.newClient(new org.glassfish.jersey.client.ClientConfig()
                .connectorProvider(new org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider()));
        return new ScimService(client.target(baseUrl + "scim/v2")
                .register((jakarta.ws.rs.client.ClientRequestFilter) request ->
                        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + secret)));
    }

    /** A raw SCIM call, for what a client library would not send (a wrong token, an odd body). */
    static HttpResponse<String> call(String baseUrl, String secret, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "scim/v2/" + path))
                .header("Accept", "application/scim+json");
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A name no other test of this run uses, letters and digits only. */
    static String unique() {
        return RUN + "x" + COUNTER.incrementAndGet();
    }

    /** The demo's ODS code for a contractor: they are numbered in the order of their names (DemoDataset). */
    static String contractorCode(String name) {
        List<String> names = List.copyOf(new TreeSet<>(GmPharmacyList.load().stream().map(GmPharmacy::tradingName).toList()));
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("No contractor " + name + " in the demo");
        }
        return String.format(Locale.ROOT, "C%05d", index + 1);
    }

    /** A new person's User as an HR system would send it, at the organisation with this ODS code. */
    static String user(String address, String givenName, String familyName, String organisation, String externalId) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],"
                + "\"userName\":\"" + address + "\",\"externalId\":\"" + externalId + "\","
                + "\"name\":{\"givenName\":\"" + givenName + "\",\"familyName\":\"" + familyName + "\"},"
                + "\"title\":\"Dispenser\",\"active\":true,"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"organization\":\"" + organisation + "\"}}";
    }
}
