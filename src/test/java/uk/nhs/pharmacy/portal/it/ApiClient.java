package uk.nhs.pharmacy.portal.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import uk.nhs.pharmacy.portal.demo.DemoUsers;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API as a client sees it: one signed-in session per client. */
final class ApiClient {

    private final String baseUrl;
    private final CookieManager cookies;
    private final HttpClient http;

    ApiClient(String baseUrl) {
        this(baseUrl, new CookieManager());
    }

    private ApiClient(String baseUrl, CookieManager cookies) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same session sent to another member of a cluster (both on 127.0.0.1, so the cookie goes to both). */
    ApiClient sameSessionAt(String otherBaseUrl) {
        return new ApiClient(otherBaseUrl, cookies);
    }

    HttpResponse<String> call(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "api/" + path))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A SCIM call in this client's signed-in session, with no token: a session must not open SCIM. */
    HttpResponse<String> scim(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "scim/v2/" + path))
                .header("Accept", "application/scim+json");
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a file body (e.g. {@code text/csv}) to the API. */
    HttpResponse<String> postFile(String path, String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "api/" + path)).header("Accept", "application/json")
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A page (not the API) in the same session, e.g. to check a screen refuses what the API refuses. */
    HttpResponse<String> page(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A download (a PDF, a spreadsheet) in the same session, as bytes. */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A form post to a page (a Faces postback) in the same session. */
    HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Calls GET every half second until it answers 200 or the time is up; returns the last status. */
    int awaitOk(String path, java.time.Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int status;
        do {
            Thread.sleep(500);
            status = call("GET", path, null).statusCode();
        } while (status != 200 && System.nanoTime() < deadline);
        return status;
    }

    /** Status and body of a call, for comparing what a resource holds before and after. */
    String callQuietly(String method, String path) {
        try {
            HttpResponse<String> response = call(method, path, null);
            return response.statusCode() + " " + response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    /** Calls and expects a status; returns the JSON object answered. */
    JsonObject expect(int status, String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = call(method, path, json);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return json(response);
    }

    void signIn(String username) throws IOException, InterruptedException {
        signIn(username, java.time.Duration.ZERO);
    }

    /** Signs in to a portal whose clock runs {@code clockOffset} ahead: its authenticator codes are that far on. */
    void signIn(String username, java.time.Duration clockOffset) throws IOException, InterruptedException {
        String secret = DemoUsers.MFA_SECRETS.get(username);
        String code = secret == null ? null // the demo administrators' authenticator code
                : uk.nhs.pharmacy.portal.security.Totp.code(secret, java.time.Instant.now().plus(clockOffset));
        HttpResponse<String> session = call("POST", "session",
                "{\"username\":\"" + username + "\",\"password\":\"" + DemoUsers.PASSWORD + "\""
                        + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}");
        assertThat(session.statusCode()).as(username + ": " + session.body()).isEqualTo(204);
    }

    /**
     * The session's cookies as a Cookie header value, to send the same session from another client:
     * JSESSIONID and, since sessions are distributable, Payara's JSESSIONIDVERSION, without which it
     * does not find the session.
     */
    String sessionCookie() {
        String cookie = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().startsWith("JSESSIONID"))
                .map(c -> c.getName() + "=" + c.getValue()).collect(java.util.stream.Collectors.joining("; "));
        if (cookie.isEmpty()) {
            throw new IllegalStateException("no session cookie");
        }
        return cookie;
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
