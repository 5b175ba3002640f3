package uk.nhs.pharmacy.portal.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.nhs.pharmacy.portal.demo.DemoUsers;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API over HTTP: sign-in, grant and revoke through the same rules, scope and problem details. */
@ExtendWith(SharedPortal.class)
class ApiIT {

    private final ApiClient api = new ApiClient(SharedPortal.baseUrl());

    private HttpResponse<String> call(String method, String path, String json) throws IOException, InterruptedException {
        return api.call(method, path, json);
    }

    private void signIn(String username) throws Exception {
        api.signIn(username);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return ApiClient.json(response);
    }

    @Test
    void withoutSigningInTheApiAnswers401AsAProblem() throws Exception {
        HttpResponse<String> response = call("GET", "premises/FM664", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(json(response).getString("detail")).contains("Sign in");
        HttpResponse<String> wrong = call("POST", "session", "{\"username\":\"loa.bolton\",\"password\":\"nope\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(call("GET", "session", null).statusCode()).as("who am I, before signing in").isEqualTo(401);
        signIn("loa.bolton");
        assertThat(json(call("GET", "session", null)).getString("role")).isEqualTo("LOA");
    }

    @Test
    void theApiIsDescribedByAnOpenApiDocument() throws Exception {
        HttpResponse<String> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SharedPortal.baseUrl() + "api/openapi.yaml"))
                .header("Accept", "application/yaml").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).startsWith("openapi: 3.0.3").contains("/delegations/{id}/revoke:")
                .contains("application/problem+json");
    }

    @Test
    void anLoaGrantsAndRevokesOverTheApi() throws Exception {
        signIn("loa.bolton");
        HttpResponse<String> search = call("GET", "accounts?q=leo.lind", null);
        JsonArray found = Json.createReader(new StringReader(search.body())).readArray();
        assertThat(found.getJsonObject(0).getString("address")).isEqualTo("leo.lindqvist@nhs.net");

        HttpResponse<String> granted = call("POST", "delegations", "{\"odsCode\":\"FFP01\",\"account\":\"leo.lindqvist@nhs.net\","
                + "\"permissions\":[\"FULL_ACCESS\",\"SEND_AS\"],\"owner\":false,\"lastDay\":\""
                + LocalDate.now().plusDays(7) + "\",\"reason\":\"Locum cover\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        JsonObject access = json(granted);
        assertThat(access.getJsonArray("permissions").toString()).contains("SEND_AS");
        assertThat(access.getString("grantedBy")).isEqualTo("loa.bolton");
        assertThat(access.getString("lastDay")).as("the last day sent is the last day kept").isEqualTo(LocalDate.now().plusDays(7).toString());

        HttpResponse<String> again = call("POST", "delegations", "{\"odsCode\":\"FFP01\",\"account\":\"leo.lindqvist@nhs.net\","
                + "\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"reason\":\"Twice\"}");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(json(again).getString("detail")).contains("already has access");

        HttpResponse<String> premises = call("GET", "premises/FFP01", null);
        assertThat(premises.body()).contains("leo.lindqvist@nhs.net");

        HttpResponse<String> noReason = call("POST", "delegations/" + access.getJsonNumber("id") + "/revoke", "{\"reason\":\"\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<String> revoked = call("POST", "delegations/" + access.getJsonNumber("id") + "/revoke",
                "{\"reason\":\"Cover ended\",\"version\":" + access.getJsonNumber("version") + "}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(call("GET", "premises/FFP01", null).body()).doesNotContain("leo.lindqvist@nhs.net");
    }

    @Test
    void anLoaCreatesAnAccountAndGivesItManyBranchesInOneBulkChange() throws Exception {
        signIn("loa.bolton");
        HttpResponse<String> created = call("POST", "accounts", "{\"homeOdsCode\":\"FFP01\",\"firstName\":\"Api\","
                + "\"lastName\":\"Locum\",\"jobRole\":\"LOCUM_PHARMACIST\",\"mobileDevice\":false}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String address = json(created).getString("address");
        assertThat(address).matches("api\\.locum[0-9]*@nhs\\.net");

        HttpResponse<String> edited = call("PUT", "accounts/" + address, "{\"firstName\":\"Api\",\"lastName\":\"Locum\","
                + "\"jobRole\":\"PHARMACIST\",\"mobileDevice\":true}");
        assertThat(json(edited).getString("jobRole")).isEqualTo("PHARMACIST");

        String lines = "\"accounts\":[\"" + address + "\"],\"permissions\":[\"FULL_ACCESS\"],\"reason\":\"Cover\"";
        HttpResponse<String> refused = call("POST", "bulk/apply", "{\"odsCodes\":[\"FFP01\",\"FA064\"]," + lines + "}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(call("GET", "accounts/" + address, null)).getJsonArray("access")).isEmpty();

        HttpResponse<String> preview = call("POST", "bulk/preview", "{\"odsCodes\":[\"FFP01\",\"FM664\"]," + lines + "}");
        assertThat(preview.body()).contains("\"ok\":true").doesNotContain("\"ok\":false");
        assertThat(call("POST", "bulk/apply", "{\"odsCodes\":[\"FFP01\",\"FM664\"]," + lines + "}").statusCode()).isEqualTo(200);
        JsonObject account = json(call("GET", "accounts/" + address, null));
        assertThat(account.getJsonArray("access")).hasSize(2);
        assertThat(call("POST", "bulk/apply", "{\"revoke\":true,\"odsCodes\":[\"FFP01\",\"FM664\"]," + lines + "}")
                .statusCode()).isEqualTo(200);
        assertThat(json(call("GET", "accounts/" + address, null)).getJsonArray("access")).isEmpty();
    }

    @Test
    void anLoaForBoltonCanNeitherReadNorChangeABuryMailbox() throws Exception {
        signIn("loa.bolton");
        HttpResponse<String> read = call("GET", "premises/FA064", null);
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("fa064");
        HttpResponse<String> grant = call("POST", "delegations", "{\"odsCode\":\"FA064\",\"account\":\"leo.lindqvist@nhs.net\","
                + "\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"reason\":\"Not mine\"}");
        assertThat(grant.statusCode()).isEqualTo(404);
    }

    @Test
    void anOwnerCanReadTheirPremisesButNotGrant() throws Exception {
        signIn("owner.a1");
        assertThat(call("GET", "premises/FM664", null).statusCode()).isEqualTo(200);
        HttpResponse<String> grant = call("POST", "delegations", "{\"odsCode\":\"FM664\",\"account\":\"leo.lindqvist@nhs.net\","
                + "\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"reason\":\"Owners request, LOAs grant\"}");
        assertThat(grant.statusCode()).isEqualTo(403);
        assertThat(grant.body()).doesNotContain("Exception").doesNotContain("at uk.");
    }
}
