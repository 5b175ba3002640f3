package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges, over HTTP against the shared portal: a browser's cross-site state change is refused
 * before anything runs, every answer carries the security headers, bad input is a 4xx that names
 * the field (never a 500 or an HTML page), and one instance on its own starts no data grid
 * ({@code loopback.asadmin}; ClusterIT checks that a cluster member's grid is on loopback only).
 */
@ExtendWith(SharedPortal.class)
class EdgeIT {

    private final ApiClient api = new ApiClient(SharedPortal.baseUrl());

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(SharedPortal.baseUrl() + path);
    }

    @Test
    void aStateChangeFromAnotherSiteIsRefusedAndStoresNothing() throws Exception {
        api.signIn("loa.bolton");
        String cookie = api.sessionCookie();
        String file = "account,kind,odsCode,effectiveDate\nleo.lindqvist@nhs.net,premises,FM664,2031-01-01\n";
        HttpResponse<String> foreign = send(HttpRequest.newBuilder(uri("api/leaver-files?reason=Forged&name=forged.csv"))
                .header("Cookie", cookie).header("Origin", "https://evil.example").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(file)));
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(foreign.body()).contains("Cross-site request refused");
        HttpResponse<String> fetchSite = send(HttpRequest.newBuilder(uri("api/provisioning/1/retry"))
                .header("Cookie", cookie).header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(fetchSite.statusCode()).isEqualTo(403);
        HttpResponse<String> plainText = send(HttpRequest.newBuilder(uri("api/leaver-files?reason=Forged&name=forged.csv"))
                .header("Cookie", cookie).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(file)));
        assertThat(plainText.statusCode()).as("an upload is not a form a page elsewhere can send").isEqualTo(415);
        HttpResponse<String> ownPage = send(HttpRequest.newBuilder(uri("api/leaver-files/preview?reason=Mine"))
                .header("Cookie", cookie).header("Origin", SharedPortal.baseUrl().replaceAll("/$", ""))
                .header("Sec-Fetch-Site", "same-origin").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(file)));
        assertThat(ownPage.statusCode()).as("the portal's own pages may").isEqualTo(200);

        ApiClient national = new ApiClient(SharedPortal.baseUrl());
        national.signIn("national");
        assertThat(national.call("GET", "leavers?state=all&max=500", null).body()).doesNotContain("Forged");
        HttpResponse<String> forgedPage = send(HttpRequest.newBuilder(uri("login.xhtml")).header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login=login&login:username=national&login:password=x")));
        assertThat(forgedPage.statusCode()).as("pages too").isEqualTo(403);
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
        api.signIn("loa.gm");
        String cookie = api.sessionCookie();
        List<String> paths = List.of("login.xhtml", "", "premises.xhtml?ods=FM664", "api/premises/FM664", "api/premises/FZZ99",
                "no-such-page.xhtml", "export/access.csv", "health/ready");
        for (String path : paths) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie));
            var headers = answer.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'").contains("object-src 'none'").contains("base-uri 'self'")
                    .contains("frame-ancestors 'none'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).isPresent();
            assertThat(headers.firstValue("Permissions-Policy")).as(path).isPresent();
            assertThat(headers.firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(headers.firstValue("Server")).as(path + ": no banner").isEmpty();
            assertThat(headers.firstValue("X-Powered-By")).as(path).isEmpty();
        }
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("login.xhtml")));
        assertThat(page.headers().allValues("Content-Security-Policy")).as("one policy, with the page's script nonce")
                .singleElement().satisfies(csp -> assertThat(csp).containsPattern("script-src 'self' 'nonce-[^']+'"));
    }

    @Test
    void badInputIsA4xxThatNamesTheFieldAndChangesNothing() throws Exception {
        api.signIn("loa.bolton");
        String grant = "{\"odsCode\":\"FM664\",\"account\":\"leo.lindqvist@nhs.net\",\"permissions\":[\"FULL_ACCESS\"],";
        assertProblem(api.call("POST", "delegations", "{\"odsCode\":\"FM664\","), 400, "not the JSON this call takes");
        assertProblem(api.call("POST", "delegations", "[1,2]"), 400, "JSON");
        assertProblem(api.call("POST", "delegations", grant + "\"owner\":\"maybe\",\"reason\":\"Typo\"}"), 400, "owner");
        assertProblem(api.call("POST", "delegations", "{\"odsCode\":\"FM664\",\"account\":\"leo.lindqvist@nhs.net\","
                + "\"permissions\":\"FULL_ACCESS\",\"owner\":false,\"reason\":\"x\"}"), 400, "permissions");
        assertProblem(api.call("POST", "delegations", grant + "\"owner\":false,\"lastDay\":\"2026-13-45\",\"reason\":\"x\"}"),
                400, "lastDay: '2026-13-45' is not a date");
        assertProblem(api.call("POST", "delegations", grant + "\"owner\":false,\"reason\":\"" + "a".repeat(10_000) + "\"}"),
                422, "reason is too long: at most 500 characters");
        assertProblem(api.call("POST", "accounts", "{\"homeOdsCode\":\"FM664\",\"firstName\":\"" + "b".repeat(300)
                + "\",\"lastName\":\"Long\",\"jobRole\":\"DISPENSER\",\"mobileDevice\":false}"), 422, "firstName is too long");
        assertProblem(api.call("POST", "leavers", "{\"account\":\"leo.lindqvist@nhs.net\",\"kind\":\"premises\",\"odsCode\":\"FM664\","
                + "\"effectiveDate\":\"2031-01-01\",\"reason\":\"" + "c".repeat(600) + "\"}"), 422, "reason is too long");
        assertThat(api.call("GET", "premises/FM664", null).body()).as("nothing was granted").doesNotContain("\"Typo\"")
                .doesNotContain("aaaaaaaaaa");
        assertThat(api.call("GET", "accounts?q=long", null).body()).doesNotContain("bbbbbbbbbb");
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String detail) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(ApiClient.json(answer).getString("detail")).contains(detail);
    }

    @Test
    void oneInstanceOnItsOwnHasNoDataGridPort() throws Exception {
        for (int port = 6900; port <= 6910; port++) {
            assertThat(Ports.acceptsOnLoopback(port)).as("data grid port " + port + " on loopback").isFalse();
            assertThat(Ports.otherAddressesAccepting(port)).as("data grid port " + port + " elsewhere").isEmpty();
        }
    }
}
