package uk.nhs.pharmacy.portal.it;

import jakarta.json.JsonObject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix of the SCIM endpoint: every resource method × every kind of caller, with
 * the status each cell must answer. The target is a person whose home is FA064 (Cohens, Bury): a token
 * for Cohens and one for Bury cover them; one for Bolton and one for A1 Pharmacy do not; a revoked
 * token, no token, and a national administrator's signed-in session (not a token) are refused.
 * <p>
 * As in {@link AuthorisationMatrixIT}, a refused cell is checked twice: the answer (a 404 exactly like
 * a missing person's, without the person's address) and the person as the national team reads them
 * before and after (a write escape is a change that should not have happened). The table fails when a
 * SCIM resource method has no row.
 */
@ExtendWith(SharedPortal.class)
class ScimMatrixIT {

    private static final String TARGET = "FA064";

    enum Caller {
        COHENS_TOKEN, BURY_TOKEN, BOLTON_TOKEN, A1_TOKEN, REVOKED_TOKEN, NO_TOKEN, PORTAL_SESSION
    }

    record Call(String method, String path, String body) {
    }

    record Row(String endpoint, String what, Function<Person, Call> call, Map<Caller, Integer> expected) {
    }

    /** A fresh person at the target, made for each cell that changes one. */
    record Person(String id, String address, String surname) {
    }

    private static ApiClient national;
    private static final Map<Caller, String> SECRETS = new EnumMap<>(Caller.class);
    private static String missingBody;

    @BeforeAll
    static void issueTokens() throws Exception {
        national = new ApiClient(SharedPortal.baseUrl());
        national.signIn("national");
        SECRETS.put(Caller.COHENS_TOKEN, HrSystems.issue(national, "Matrix Cohens", HrSystems.contractorCode("Cohens Chemist")).secret());
        SECRETS.put(Caller.BURY_TOKEN, HrSystems.issue(national, "Matrix Bury", "E08000002").secret());
        SECRETS.put(Caller.BOLTON_TOKEN, HrSystems.issue(national, "Matrix Bolton", "E08000001").secret());
        SECRETS.put(Caller.A1_TOKEN, HrSystems.issue(national, "Matrix A1", HrSystems.contractorCode("A1 Pharmacy")).secret());
        HrSystems.Token revoked = HrSystems.issue(national, "Matrix revoked", "E08000002");
        national.expect(200, "POST", "hr-tokens/" + revoked.id() + "/revoke", "{\"reason\":\"Matrix\"}");
        SECRETS.put(Caller.REVOKED_TOKEN, revoked.secret());
    }

    /** "OK=200" etc. for the four live tokens in order (Cohens, Bury, Bolton, A1); the refused three are always 401. */
    static Map<Caller, Integer> expect(int cohens, int bury, int bolton, int a1) {
        Map<Caller, Integer> map = new EnumMap<>(Caller.class);
        map.put(Caller.COHENS_TOKEN, cohens);
        map.put(Caller.BURY_TOKEN, bury);
        map.put(Caller.BOLTON_TOKEN, bolton);
        map.put(Caller.A1_TOKEN, a1);
        map.put(Caller.REVOKED_TOKEN, 401);
        map.put(Caller.NO_TOKEN, 401);
        map.put(Caller.PORTAL_SESSION, 401);
        return map;
    }

    static List<Row> rows() {
        return List.of(
                new Row("GET ServiceProviderConfig", "what is supported", p -> new Call("GET", "ServiceProviderConfig", null),
                        expect(200, 200, 200, 200)),
                new Row("GET ResourceTypes", "the resource types", p -> new Call("GET", "ResourceTypes", null), expect(200, 200, 200, 200)),
                new Row("GET ResourceTypes/{name}", "the User resource type", p -> new Call("GET", "ResourceTypes/User", null),
                        expect(200, 200, 200, 200)),
                new Row("GET Schemas", "the schemas", p -> new Call("GET", "Schemas", null), expect(200, 200, 200, 200)),
                new Row("GET Schemas/{id}", "the core User schema",
                        p -> new Call("GET", "Schemas/urn:ietf:params:scim:schemas:core:2.0:User", null), expect(200, 200, 200, 200)),
                new Row("GET Users", "find the person by userName (an empty list where they are out of scope)",
                        p -> new Call("GET", "Users?filter=" + URLEncoder.encode("userName eq \"" + p.address() + "\"", StandardCharsets.UTF_8),
                                null), expect(200, 200, 200, 200)),
                new Row("GET Users/{id}", "read the person", p -> new Call("GET", "Users/" + p.id(), null), expect(200, 200, 404, 404)),
                new Row("POST Users", "create a person at the target",
                        p -> new Call("POST", "Users", HrSystems.user("new." + p.surname().toLowerCase() + "@nhs.net", "New", p.surname(),
                                TARGET, "M-" + p.surname())), expect(201, 201, 400, 400)),
                new Row("PUT Users/{id}", "replace the person: a new surname, moved to FFK43 (Cohens, Kearsley in Bolton)",
                        p -> new Call("PUT", "Users/" + p.id(), HrSystems.user(p.address(), "Matrix", "Moved" + p.surname(), "FFK43",
                                "M-" + p.surname())), expect(200, 400, 404, 404)),
                new Row("PUT Users/{id}", "replace the person: a new surname, staying at the target",
                        p -> new Call("PUT", "Users/" + p.id(), HrSystems.user(p.address(), "Matrix", "Renamed" + p.surname(), TARGET,
                                "M-" + p.surname())), expect(200, 200, 404, 404)),
                new Row("PATCH Users/{id}", "the person is no longer active: a leaver",
                        p -> new Call("PATCH", "Users/" + p.id(), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}"), expect(200, 200, 404, 404)),
                new Row("DELETE Users/{id}", "delete the person", p -> new Call("DELETE", "Users/" + p.id(), null),
                        expect(204, 204, 404, 404)));
    }

    @Test
    void everyCellAnswersAsTheTableSaysAndNothingEscapes() throws Exception {
        List<String> escapes = new ArrayList<>();
        int cells = 0;
        for (Row row : rows()) {
            for (Caller caller : Caller.values()) {
                cells++;
                int expected = row.expected().get(caller);
                // A read changes nothing, so one person serves every read cell; a change gets a fresh person.
                Person person = row.endpoint().startsWith("GET ") ? readPerson() : newPerson();
                String before = readBack(person);
                Call call = row.call().apply(person);
                HttpResponse<String> answer = send(caller, call);
                String cell = row.endpoint() + " [" + row.what() + "] as " + caller + ": expected " + expected + ", got "
                        + answer.statusCode() + " " + abbreviate(answer.body());
                if (answer.statusCode() != expected) {
                    escapes.add(cell);
                    continue;
                }
                if (expected >= 400 && !readBack(person).equals(before)) {
                    escapes.add(cell + " -- WRITE ESCAPE: before " + before + ", after " + readBack(person));
                }
                if (expected >= 400 && answer.body().contains(person.address())) {
                    escapes.add(cell + " -- READ ESCAPE: the answer holds " + person.address());
                }
                if (row.endpoint().equals("GET Users") && (caller == Caller.BOLTON_TOKEN || caller == Caller.A1_TOKEN)
                        && (answer.body().contains(person.address()) || !answer.body().contains("\"totalResults\":0"))) {
                    escapes.add(cell + " -- READ ESCAPE: the list shows a person out of scope");
                }
                if (row.endpoint().equals("GET Users") && caller == Caller.COHENS_TOKEN && !answer.body().contains(person.address())) {
                    escapes.add(cell + " -- the list does not show the person even in scope, so the check above proves nothing");
                }
                if (expected == 404) {
                    HttpResponse<String> missing = send(caller, new Call(call.method(), call.path().replace(person.id(), "999999999"),
                            call.body()));
                    if (missing.statusCode() != 404 || !missing.body().equals(answer.body())) {
                        escapes.add(cell + " -- out of scope is not answered like missing: " + missing.statusCode() + " " + missing.body());
                    }
                    if (missingBody == null) {
                        missingBody = answer.body();
                    } else if (!missingBody.equals(answer.body())) {
                        escapes.add(cell + " -- a 404 unlike the others: " + answer.body());
                    }
                }
            }
        }
        System.out.println("Authorisation matrix (SCIM): " + rows().size() + " rows, " + cells + " cells, " + escapes.size() + " escapes");
        assertThat(escapes).as("cells that did not answer as the table says").isEmpty();
        assertThat(missingBody).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"404\","
                + "\"detail\":\"No such resource\"}");
    }

    @Test
    void everyScimResourceMethodHasARow() throws Exception {
        Set<String> declared = new TreeSet<>();
        var dir = java.nio.file.Path.of(URI.create(ScimMatrixIT.class.getResource("/uk/nhs/pharmacy/portal/scim").toString()));
        try (var files = Files.list(dir)) {
            for (var file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                Class<?> type = Class.forName("uk.nhs.pharmacy.portal.scim." + file.getFileName().toString().replace(".class", ""),
                        false, ScimMatrixIT.class.getClassLoader());
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (var annotation : method.getAnnotations()) {
                        if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                            Path sub = method.getAnnotation(Path.class);
                            String path = (base.value().equals("/") ? "" : base.value()) + (sub == null ? "" : (base.value().equals("/") ? "" : "/") + sub.value());
                            declared.add(annotation.annotationType().getAnnotation(HttpMethod.class).value() + " " + path);
                        }
                    }
                }
            }
        }
        assertThat(declared).as("SCIM resource methods found").hasSizeGreaterThan(8);
        assertThat(rows().stream().map(Row::endpoint).collect(Collectors.toSet())).as("every SCIM resource method has a row")
                .containsAll(declared);
    }

    private static Person reader;

    private static Person readPerson() throws Exception {
        if (reader == null) {
            reader = newPerson();
        }
        return reader;
    }

    private static Person newPerson() throws Exception {
        String surname = "Matrix" + HrSystems.unique();
        String address = "m." + surname.toLowerCase() + "@nhs.net";
        HttpResponse<String> created = HrSystems.call(SharedPortal.baseUrl(), SECRETS.get(Caller.COHENS_TOKEN), "POST", "Users",
                HrSystems.user(address, "Matrix", surname, TARGET, "M-" + surname));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Person(ApiClient.json(created).getString("id"), address, surname);
    }

    /** The person as the national team sees them over the JSON API: status, name, home and access. */
    private static String readBack(Person person) throws Exception {
        HttpResponse<String> account = national.call("GET", "accounts/" + person.address(), null);
        String created = national.callQuietly("GET", "accounts?q=new." + person.surname().toLowerCase());
        if (account.statusCode() != 200) {
            return account.statusCode() + " " + created;
        }
        JsonObject json = ApiClient.json(account);
        return json.getJsonObject("account") + " " + json.getString("home") + " " + json.getJsonArray("access") + " " + created;
    }

    private static HttpResponse<String> send(Caller caller, Call call) throws Exception {
        if (caller == Caller.PORTAL_SESSION) {
            return national.scim(call.method(), call.path(), call.body());
        }
        return HrSystems.call(SharedPortal.baseUrl(), SECRETS.get(caller), call.method(), call.path(), call.body());
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
