package uk.nhs.pharmacy.portal.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal OpenID Connect provider on loopback, for testing the portal's OIDC sign-in: discovery,
 * an authorize endpoint that signs in whoever the test names, a token endpoint issuing RS256-signed
 * ID tokens, and the JWKS to verify them. Not a mock of the portal: the portal's real mechanism
 * (the platform's) talks to it over HTTP and verifies its signatures.
 */
public final class FakeOidcProvider implements AutoCloseable {

    private final HttpServer server;
    private final KeyPair keys;
    private final String kid = UUID.randomUUID().toString();
    private final Map<String, String[]> codes = new ConcurrentHashMap<>(); // code -> {username, nonce, clientId}
    private volatile String nextUser = "loa.bolton";
    private volatile String nextAmr = "[\"pwd\",\"mfa\"]";
    private final String clientId;
    private final String clientSecret;

    public FakeOidcProvider(String clientId, String clientSecret) throws Exception {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", this::jwks);
        server.createContext("/userinfo", this::userinfo);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Who the provider signs in at the next authorize request (having checked a second factor). */
    public void signInAs(String username) {
        signInAs(username, true);
    }

    /** ... and whether its tokens say it checked a second factor (amr "mfa") or a password alone. */
    public void signInAs(String username, boolean withMfa) {
        this.nextUser = username;
        this.nextAmr = withMfa ? "[\"pwd\",\"mfa\"]" : "[\"pwd\"]";
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String i = issuer();
        json(exchange, 200, "{\"issuer\":\"" + i + "\",\"authorization_endpoint\":\"" + i + "/authorize\","
                + "\"token_endpoint\":\"" + i + "/token\",\"jwks_uri\":\"" + i + "/jwks\","
                + "\"userinfo_endpoint\":\"" + i + "/userinfo\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"scopes_supported\":[\"openid\",\"email\",\"profile\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"],"
                + "\"claims_supported\":[\"sub\",\"preferred_username\",\"email\"]}");
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        if (!clientId.equals(q.get("client_id"))) {
            json(exchange, 400, "{\"error\":\"unauthorized_client\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new String[]{nextUser, q.get("nonce"), q.get("client_id"), nextAmr});
        String location = q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        boolean clientOk = clientSecret.equals(form.get("client_secret")) || (basic != null && basic.equals("Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8))));
        String[] grant = codes.remove(form.getOrDefault("code", ""));
        if (!clientOk || grant == null) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"" + issuer() + "\",\"sub\":\"" + grant[0] + "\",\"aud\":\"" + clientId + "\","
                + "\"azp\":\"" + clientId + "\",\"iat\":" + now + ",\"exp\":" + (now + 600) + ","
                + (grant[1] == null ? "" : "\"nonce\":\"" + grant[1] + "\",")
                + "\"amr\":" + grant[3] + ","
                + "\"preferred_username\":\"" + grant[0] + "\"}";
        String idToken = sign(claims);
        String accessToken = sign("{\"iss\":\"" + issuer() + "\",\"sub\":\"" + grant[0] + "\",\"aud\":\"" + clientId
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 600) + ",\"scope\":\"openid email profile\"}");
        json(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":600,"
                + "\"id_token\":\"" + idToken + "\",\"scope\":\"openid email profile\"}");
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String sub = auth == null ? null : claim(auth.substring("Bearer ".length()), "sub");
        json(exchange, 200, "{\"sub\":\"" + sub + "\",\"preferred_username\":\"" + sub + "\"}");
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        json(exchange, 200, "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\","
                + "\"n\":\"" + b64(unsigned(key.getModulus().toByteArray())) + "\","
                + "\"e\":\"" + b64(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}");
    }

    private String sign(String claims) {
        try {
            String header = b64(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
            String body = b64(claims.getBytes(StandardCharsets.UTF_8));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + b64(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String claim(String jwt, String name) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        int at = json.indexOf("\"" + name + "\":\"");
        return at < 0 ? null : json.substring(at + name.length() + 4, json.indexOf('"', at + name.length() + 4));
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
