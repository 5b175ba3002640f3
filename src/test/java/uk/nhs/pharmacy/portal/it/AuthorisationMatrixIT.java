package uk.nhs.pharmacy.portal.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix of the JSON API: every resource method × every role and relation to the
 * target, with the outcome each cell must have. The target is FA064, a Cohens premises in Bury:
 * national; an LOA whose scope covers it (Greater Manchester) and one whose scope does not (Bolton);
 * the owner of its contractor (Cohens); an owner elsewhere in the same chain (the manager-owner of
 * the Kearsley branch only); another contractor's owner (A1); and nobody signed in.
 * <p>
 * Each cell gets a fresh target where the call changes something. A cell that must be refused is
 * checked twice: the answer (status, and for 404 exactly the body a missing target gets, with none
 * of the target's data), and the database, read back as the national team (a write escape is a
 * change that should not have happened). A read escape is the target's data in an answer that
 * should not hold it. The table fails when a resource method has no row, so it cannot go stale.
 */
@ExtendWith(SharedPortal.class)
class AuthorisationMatrixIT {

    private static final String TARGET = "FA064";

    enum Who {
        NATIONAL("national"), LOA_IN_SCOPE("loa.gm"), LOA_OUT_OF_SCOPE("loa.bolton"),
        OWNER_OF_PREMISES("owner.cohens"), OWNER_ELSEWHERE("owner.kearsley"), OTHER_CONTRACTORS_OWNER("owner.a1"),
        SIGNED_OUT(null);

        final String username;

        Who(String username) {
            this.username = username;
        }
    }

    /** What a cell must answer: allowed (2xx), allowed but refused by a business rule, or refused for who asks. */
    enum Outcome {
        OK, RULE, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED;

        boolean matches(int status) {
            return switch (this) {
                case OK -> status >= 200 && status < 300;
                case RULE -> status == 409 || status == 422;
                case FORBIDDEN -> status == 403;
                case NOT_FOUND -> status == 404;
                case UNAUTHENTICATED -> status == 401;
            };
        }
    }

    /** A request a cell sends; {@code secret} is target data no refused answer may contain. */
    record Call(String method, String path, String contentType, String body, String secret) {
        static Call json(String method, String path, String body, String secret) {
            return new Call(method, path, body == null ? null : "application/json", body, secret);
        }
    }

    /**
     * One row: an endpoint ({@code METHOD template}, as the resource declares it), what to call for a
     * fresh target, the same call for a target that does not exist (null where the call names no
     * target), how to read back what it could change, and the outcome for each role.
     */
    record Row(String endpoint, String what, Function<Fixtures, Call> call, Function<Fixtures, Call> missing,
               Function<Fixtures, String> readBack, Map<Who, Outcome> expected, Set<Who> mustNotShowTarget,
               Set<Who> acceptedWithoutEffect) {
        Row(String endpoint, String what, Function<Fixtures, Call> call, Function<Fixtures, Call> missing,
            Function<Fixtures, String> readBack, Map<Who, Outcome> expected, Set<Who> mustNotShowTarget) {
            this(endpoint, what, call, missing, readBack, expected, mustNotShowTarget, Set.of());
        }
    }

    private static final Map<Who, ApiClient> CLIENTS = new EnumMap<>(Who.class);
    private static Fixtures fixtures;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @BeforeAll
    static void signIn() throws Exception {
        for (Who who : Who.values()) {
            ApiClient client = new ApiClient(SharedPortal.baseUrl());
            if (who.username != null) {
                client.signIn(who.username);
            }
            CLIENTS.put(who, client);
        }
        fixtures = new Fixtures();
    }

    /**
     * Parses "N=OK LIN=OK LOUT=404 OWN=403 OTHER=404" (anonymous callers are always 401). An owner
     * elsewhere in the chain ({@code ELSE}) is refused like another contractor's owner unless the
     * row says otherwise.
     */
    static Map<Who, Outcome> expect(String cells) {
        Map<Who, Outcome> map = new EnumMap<>(Who.class);
        map.put(Who.SIGNED_OUT, Outcome.UNAUTHENTICATED);
        for (String cell : cells.trim().split("\\s+")) {
            String[] kv = cell.split("=");
            Who who = switch (kv[0]) {
                case "N" -> Who.NATIONAL;
                case "LIN" -> Who.LOA_IN_SCOPE;
                case "LOUT" -> Who.LOA_OUT_OF_SCOPE;
                case "OWN" -> Who.OWNER_OF_PREMISES;
                case "OTHER" -> Who.OTHER_CONTRACTORS_OWNER;
                case "ELSE" -> Who.OWNER_ELSEWHERE;
                default -> throw new IllegalArgumentException(kv[0]);
            };
            map.put(who, switch (kv[1]) {
                case "OK" -> Outcome.OK;
                case "RULE" -> Outcome.RULE;
                case "403" -> Outcome.FORBIDDEN;
                case "404" -> Outcome.NOT_FOUND;
                default -> throw new IllegalArgumentException(kv[1]);
            });
        }
        map.putIfAbsent(Who.OWNER_ELSEWHERE, map.get(Who.OTHER_CONTRACTORS_OWNER));
        assertThat(map).as(cells).hasSize(Who.values().length);
        return map;
    }

    private static Row row(String endpoint, String what, Function<Fixtures, Call> call, Function<Fixtures, Call> missing,
                           Function<Fixtures, String> readBack, String cells) {
        return new Row(endpoint, what, call, missing, readBack, expect(cells), Set.of());
    }

    /** A list every signed-in user may ask for; the target's data must appear only for those who may see it. */
    private static Row list(String endpoint, String what, Function<Fixtures, Call> call, Set<Who> mustNotShow) {
        return new Row(endpoint, what, call, null, f -> "", expect("N=OK LIN=OK LOUT=OK OWN=OK OTHER=OK"), mustNotShow);
    }

    private static final Set<Who> OUTSIDE = Set.of(Who.LOA_OUT_OF_SCOPE, Who.OWNER_ELSEWHERE, Who.OTHER_CONTRACTORS_OWNER);
    /** Those outside, and the owner, who asks for leavers rather than opening cases. */
    private static final Set<Who> OUTSIDE_AND_OWNER = Set.of(Who.LOA_OUT_OF_SCOPE, Who.OWNER_OF_PREMISES, Who.OWNER_ELSEWHERE,
            Who.OTHER_CONTRACTORS_OWNER);

    static List<Row> rows() {
        String later = LocalDate.now().plusDays(20).toString();
        return List.of(
                // premises
                row("GET premises/{ods}", "read the premises and who has access",
                        f -> Call.json("GET", "premises/" + TARGET, null, "luke.bennett2@nhs.net"),
                        f -> Call.json("GET", "premises/FZZ99", null, null), f -> "",
                        "N=OK LIN=OK LOUT=404 OWN=OK OTHER=404"),
                row("POST premises/{ods}/mailbox", "create the mailbox (it has one)",
                        f -> Call.json("POST", "premises/" + TARGET + "/mailbox", "{\"reason\":\"Matrix\"}", "pharmacy.fa064"),
                        f -> Call.json("POST", "premises/FZZ99/mailbox", "{\"reason\":\"Matrix\"}", null),
                        f -> f.premises(), "N=RULE LIN=RULE LOUT=404 OWN=403 OTHER=404"),
                row("GET premises/{ods}/provisioning", "read the changes queued for the platform",
                        f -> Call.json("GET", "premises/" + TARGET + "/provisioning", null, "pharmacy.fa064"),
                        f -> Call.json("GET", "premises/FZZ99/provisioning", null, null), f -> "",
                        "N=OK LIN=OK LOUT=404 OWN=OK OTHER=404"),
                row("POST premises/{ods}/reconcile", "compare with the platform (none is configured here)",
                        f -> Call.json("POST", "premises/" + TARGET + "/reconcile?repair=true", null, "luke.bennett2"),
                        f -> Call.json("POST", "premises/FZZ99/reconcile?repair=true", null, null), f -> f.premises(),
                        "N=RULE LIN=RULE LOUT=404 OWN=403 OTHER=404"),
                row("POST provisioning/{id}/retry", "send a change again (it is not dead-lettered)",
                        f -> Call.json("POST", "provisioning/" + f.provisioningEvent() + "/retry", null, null),
                        f -> Call.json("POST", "provisioning/999999999/retry", null, null), f -> f.auditOfTarget(),
                        "N=RULE LIN=RULE LOUT=404 OWN=403 OTHER=404"),
                // delegations
                row("POST delegations", "grant access",
                        f -> Call.json("POST", "delegations", "{\"odsCode\":\"" + TARGET + "\",\"account\":\"" + f.freshAccount()
                                + "\",\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"reason\":\"Matrix\"}", null),
                        f -> Call.json("POST", "delegations", "{\"odsCode\":\"FZZ99\",\"account\":\"" + f.lastAccount()
                                + "\",\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"reason\":\"Matrix\"}", null),
                        f -> f.accessOf(f.lastAccount()), "N=OK LIN=OK LOUT=404 OWN=403 OTHER=404"),
                row("PUT delegations/{id}", "change permissions",
                        f -> f.withAccess(a -> Call.json("PUT", "delegations/" + a.id, "{\"version\":" + a.version
                                + ",\"permissions\":[\"FULL_ACCESS\",\"SEND_AS\"],\"owner\":false,\"reason\":\"Matrix\"}", a.address)),
                        f -> Call.json("PUT", "delegations/999999999", "{\"version\":1,\"permissions\":[\"FULL_ACCESS\"],"
                                + "\"owner\":false,\"reason\":\"Matrix\"}", null),
                        f -> f.accessOf(f.lastAccount()), "N=OK LIN=OK LOUT=404 OWN=403 OTHER=404"),
                row("PUT delegations/{id}", "change permissions with a stale version (the refusal must not tell what it is now)",
                        f -> f.withAccess(a -> Call.json("PUT", "delegations/" + a.id, "{\"version\":" + (a.version + 7)
                                + ",\"permissions\":[\"FULL_ACCESS\"],\"owner\":true,\"reason\":\"Matrix\"}", a.address)),
                        f -> Call.json("PUT", "delegations/999999999", "{\"version\":8,\"permissions\":[\"FULL_ACCESS\"],"
                                + "\"owner\":true,\"reason\":\"Matrix\"}", null),
                        f -> f.accessOf(f.lastAccount()), "N=RULE LIN=RULE LOUT=404 OWN=403 OTHER=404"),
                row("POST delegations/{id}/revoke", "revoke",
                        f -> f.withAccess(a -> Call.json("POST", "delegations/" + a.id + "/revoke", "{\"version\":" + a.version
                                + ",\"reason\":\"Matrix\",\"confirm\":true}", a.address)),
                        f -> Call.json("POST", "delegations/999999999/revoke", "{\"version\":1,\"reason\":\"Matrix\",\"confirm\":true}", null),
                        f -> f.accessOf(f.lastAccount()), "N=OK LIN=OK LOUT=404 OWN=403 OTHER=404"),
                row("POST delegations/{id}/revoke", "revoke with a stale version",
                        f -> f.withAccess(a -> Call.json("POST", "delegations/" + a.id + "/revoke", "{\"version\":" + (a.version + 7)
                                + ",\"reason\":\"Matrix\",\"confirm\":true}", a.address)),
                        f -> Call.json("POST", "delegations/999999999/revoke", "{\"version\":8,\"reason\":\"Matrix\",\"confirm\":true}", null),
                        f -> f.accessOf(f.lastAccount()), "N=RULE LIN=RULE LOUT=404 OWN=403 OTHER=404"),
                row("PUT delegations/{id}/expiry", "move the last day of time-limited access",
                        f -> f.withAccess(a -> Call.json("PUT", "delegations/" + a.id + "/expiry", "{\"version\":" + a.version
                                + ",\"lastDay\":\"" + later + "\",\"reason\":\"Matrix\"}", a.address)),
                        f -> Call.json("PUT", "delegations/999999999/expiry", "{\"version\":1,\"lastDay\":\"" + later
                                + "\",\"reason\":\"Matrix\"}", null),
                        f -> f.accessOf(f.lastAccount()), "N=OK LIN=OK LOUT=404 OWN=OK OTHER=404"),
                row("PUT delegations/{id}/expiry", "put an end on permanent access (a revoke by the back door for an owner)",
                        f -> f.withPermanentAccess(a -> Call.json("PUT", "delegations/" + a.id + "/expiry", "{\"version\":" + a.version
                                + ",\"lastDay\":\"" + later + "\",\"reason\":\"Matrix\"}", a.address)),
                        f -> Call.json("PUT", "delegations/999999999/expiry", "{\"version\":1,\"lastDay\":\"" + later
                                + "\",\"reason\":\"Matrix\"}", null),
                        f -> f.accessOf(f.lastAccount()), "N=OK LIN=OK LOUT=404 OWN=RULE OTHER=404"),
                row("PUT delegations/{id}/expiry", "move a last day far beyond the owners' bound (2999-12-31)",
                        f -> f.withAccess(a -> Call.json("PUT", "delegations/" + a.id + "/expiry", "{\"version\":" + a.version
                                + ",\"lastDay\":\"2999-12-31\",\"reason\":\"Matrix\"}", a.address)),
                        f -> Call.json("PUT", "delegations/999999999/expiry", "{\"version\":1,\"lastDay\":\"2999-12-31\","
                                + "\"reason\":\"Matrix\"}", null),
                        f -> f.accessOf(f.lastAccount()), "N=OK LIN=OK LOUT=404 OWN=RULE OTHER=404"),
                list("GET delegations/expiring", "access ending soon, in scope",
                        f -> f.withAccess(a -> Call.json("GET", "delegations/expiring?days=11&max=500", null, a.address)), OUTSIDE),
                // accounts
                list("GET accounts", "search the directory of personal accounts", f -> Call.json("GET", "accounts?q=zz", null, null), Set.of()),
                row("GET accounts/{address}", "read a person's page (home and access in the target)",
                        f -> f.withAccess(a -> Call.json("GET", "accounts/" + a.address, null, TARGET)),
                        f -> Call.json("GET", "accounts/nobody.matrix@nhs.net", null, null), f -> "",
                        "N=OK LIN=OK LOUT=404 OWN=OK OTHER=404"),
                row("POST accounts", "create a person's account with the target as home",
                        f -> Call.json("POST", "accounts", "{\"homeOdsCode\":\"" + TARGET + "\",\"firstName\":\"Matrix\",\"lastName\":\"New"
                                + f.unique() + "\",\"jobRole\":\"DISPENSER\",\"mobileDevice\":false}", null),
                        f -> Call.json("POST", "accounts", "{\"homeOdsCode\":\"FZZ99\",\"firstName\":\"Matrix\",\"lastName\":\"Nohome\","
                                + "\"jobRole\":\"DISPENSER\",\"mobileDevice\":false}", null),
                        f -> f.accountsNamed("New" + f.lastUnique()), "N=OK LIN=OK LOUT=404 OWN=403 OTHER=404"),
                row("PUT accounts/{address}", "edit a person whose home is the target",
                        f -> Call.json("PUT", "accounts/" + f.freshAccount(), "{\"firstName\":\"Renamed\",\"lastName\":\"Matrix\","
                                + "\"jobRole\":\"PHARMACIST\",\"mobileDevice\":true}", null),
                        f -> Call.json("PUT", "accounts/nobody.matrix@nhs.net", "{\"firstName\":\"Renamed\",\"lastName\":\"Matrix\","
                                + "\"jobRole\":\"PHARMACIST\",\"mobileDevice\":true}", null),
                        f -> f.account(f.lastAccount()), "N=OK LIN=OK LOUT=404 OWN=403 OTHER=404"),
                row("POST accounts/{address}/joiner", "take on a person as a joiner at the target (they are not a leaver)",
                        f -> Call.json("POST", "accounts/" + f.freshAccount() + "/joiner", "{\"homeOdsCode\":\"" + TARGET
                                + "\",\"reason\":\"Matrix\"}", null),
                        null, f -> f.account(f.lastAccount()), "N=RULE LIN=RULE LOUT=404 OWN=403 OTHER=404"),
                // bulk
                row("POST bulk/preview", "preview a bulk grant at the target (writes nothing)",
                        f -> Call.json("POST", "bulk/preview", "{\"accounts\":[\"" + f.freshAccount() + "\"],\"odsCodes\":[\"" + TARGET
                                + "\"],\"permissions\":[\"FULL_ACCESS\"],\"reason\":\"Matrix\"}", "luke.bennett2"),
                        null, f -> f.accessOf(f.lastAccount()), "N=OK LIN=OK LOUT=OK OWN=OK OTHER=OK"),
                row("POST bulk/apply", "apply a bulk grant at the target",
                        f -> Call.json("POST", "bulk/apply", "{\"accounts\":[\"" + f.freshAccount() + "\"],\"odsCodes\":[\"" + TARGET
                                + "\"],\"permissions\":[\"FULL_ACCESS\"],\"reason\":\"Matrix\"}", "luke.bennett2"),
                        null, f -> f.accessOf(f.lastAccount()), "N=OK LIN=OK LOUT=RULE OWN=RULE OTHER=RULE"),
                // leavers
                row("POST leavers", "open a leaver case for someone leaving the target",
                        f -> Call.json("POST", "leavers", "{\"account\":\"" + f.freshAccount() + "\",\"kind\":\"premises\",\"odsCode\":\""
                                + TARGET + "\",\"effectiveDate\":\"" + later + "\",\"reason\":\"Matrix\"}", null),
                        f -> Call.json("POST", "leavers", "{\"account\":\"" + f.lastAccount() + "\",\"kind\":\"premises\",\"odsCode\":"
                                + "\"FZZ99\",\"effectiveDate\":\"" + later + "\",\"reason\":\"Matrix\"}", null),
                        f -> f.casesOf(f.lastAccount()), "N=OK LIN=OK LOUT=404 OWN=403 OTHER=404"),
                list("GET leavers", "open leaver cases, in scope",
                        f -> f.withCase(c -> Call.json("GET", "leavers?state=all&max=500", null, c.address)), OUTSIDE),
                row("GET leavers/{id}", "read a leaver case",
                        f -> f.withCase(c -> Call.json("GET", "leavers/" + c.id, null, c.address)),
                        f -> Call.json("GET", "leavers/999999999", null, null), f -> "",
                        "N=OK LIN=OK LOUT=404 OWN=OK OTHER=404"),
                row("POST leavers/{id}/cancel", "cancel a case that has not run",
                        f -> f.withCase(c -> Call.json("POST", "leavers/" + c.id + "/cancel", "{\"reason\":\"Matrix\"}", c.address)),
                        f -> Call.json("POST", "leavers/999999999/cancel", "{\"reason\":\"Matrix\"}", null),
                        f -> f.caseState(f.lastCase()), "N=OK LIN=OK LOUT=404 OWN=403 OTHER=404"),
                row("POST leavers/{id}/steps/{stepId}", "resolve a step the case does not have (future-dated: no steps yet)",
                        f -> f.withCase(c -> Call.json("POST", "leavers/" + c.id + "/steps/999999999", "{\"successor\":\"ava.james@nhs.net\","
                                + "\"reason\":\"Matrix\"}", c.address)),
                        f -> Call.json("POST", "leavers/999999999/steps/999999999", "{\"successor\":\"ava.james@nhs.net\","
                                + "\"reason\":\"Matrix\"}", null),
                        f -> f.caseState(f.lastCase()), "N=404 LIN=404 LOUT=404 OWN=404 OTHER=404"),
                // owners' requests
                row("POST requests", "ask for access at the target",
                        f -> Call.json("POST", "requests", "{\"kind\":\"GRANT\",\"odsCode\":\"" + TARGET + "\",\"account\":\""
                                + f.freshAccount() + "\",\"reason\":\"Matrix\"}", null),
                        f -> Call.json("POST", "requests", "{\"kind\":\"GRANT\",\"odsCode\":\"FZZ99\",\"account\":\""
                                + f.lastAccount() + "\",\"reason\":\"Matrix\"}", null),
                        f -> f.requestsAbout(f.lastAccount()), "N=403 LIN=403 LOUT=404 OWN=OK OTHER=404"),
                list("GET requests", "requests: an owner's own, or the queue in scope",
                        f -> f.withRequest(r -> Call.json("GET", "requests?max=500", null, r.address)), OUTSIDE),
                row("GET requests/{id}", "read a request",
                        f -> f.withRequest(r -> Call.json("GET", "requests/" + r.id, null, r.address)),
                        f -> Call.json("GET", "requests/999999999", null, null), f -> "",
                        "N=OK LIN=OK LOUT=404 OWN=OK OTHER=404"),
                row("POST requests/{id}/decision", "reject a request",
                        f -> f.withRequest(r -> Call.json("POST", "requests/" + r.id + "/decision",
                                "{\"approve\":false,\"reason\":\"Matrix\"}", r.address)),
                        f -> Call.json("POST", "requests/999999999/decision", "{\"approve\":false,\"reason\":\"Matrix\"}", null),
                        f -> f.request(f.lastRequest()), "N=OK LIN=OK LOUT=404 OWN=403 OTHER=404"),
                row("POST requests/{id}/withdraw", "withdraw a request (the owner who made it)",
                        f -> f.withRequest(r -> Call.json("POST", "requests/" + r.id + "/withdraw", null, r.address)),
                        f -> Call.json("POST", "requests/999999999/withdraw", null, null),
                        f -> f.request(f.lastRequest()), "N=403 LIN=403 LOUT=404 OWN=OK OTHER=404"),
                // bulk leaver files (visible to whoever sent them and to the national team)
                row("POST leaver-files/preview", "preview a leaver file for someone at the target",
                        f -> new Call("POST", "leaver-files/preview?reason=Matrix", "text/csv", f.leaverFile(), "luke.bennett2"),
                        null, f -> f.casesOf(f.lastAccount()), "N=OK LIN=OK LOUT=OK OWN=OK OTHER=OK"),
                new Row("POST leaver-files", "send a leaver file (the job is the sender's; a line out of scope fails when it runs)",
                        f -> new Call("POST", "leaver-files?reason=Matrix&name=matrix.csv", "text/csv", f.leaverFile(), "luke.bennett2"),
                        null, f -> f.casesOfLastAccountOnceTheJobHasRun(), expect("N=OK LIN=OK LOUT=OK OWN=OK OTHER=OK"), Set.of(),
                        OUTSIDE_AND_OWNER),
                row("GET leaver-files/{id}", "read a leaver file's job (sent by the LOA in scope)",
                        f -> Call.json("GET", "leaver-files/" + f.leaverJob(), null, "matrix-job"),
                        f -> Call.json("GET", "leaver-files/999999999", null, null), f -> "",
                        "N=OK LIN=OK LOUT=404 OWN=404 OTHER=404"),
                // registrations (the national team and owners; each sees their own)
                row("POST registrations", "ask for a premises' mailbox",
                        f -> Call.json("POST", "registrations", f.registration(), null),
                        null, f -> "", "N=OK LIN=403 LOUT=403 OWN=OK ELSE=403 OTHER=OK"),
                row("GET registrations/{id}", "read a registration request (sent by the contractor's owner)",
                        f -> Call.json("GET", "registrations/" + f.ownersRegistration(), null, "Matrix Pharmacy"),
                        f -> Call.json("GET", "registrations/999999999", null, null), f -> "",
                        "N=OK LIN=404 LOUT=404 OWN=OK OTHER=404"),
                row("POST registrations/files/preview", "preview a registration file",
                        f -> new Call("POST", "registrations/files/preview", "text/csv", f.registrationFile(), null),
                        null, f -> "", "N=OK LIN=403 LOUT=403 OWN=OK ELSE=403 OTHER=OK"),
                row("POST registrations/files", "send a registration file",
                        f -> new Call("POST", "registrations/files?name=matrix.csv", "text/csv", f.registrationFile(), null),
                        null, f -> "", "N=OK LIN=403 LOUT=403 OWN=OK ELSE=403 OTHER=OK"),
                row("GET registrations/files/{id}", "read a registration file's progress (sent by the contractor's owner)",
                        f -> Call.json("GET", "registrations/files/" + f.ownersUpload(), null, "matrix-upload"),
                        f -> Call.json("GET", "registrations/files/999999999", null, null), f -> "",
                        "N=OK LIN=404 LOUT=404 OWN=OK OTHER=404"),
                row("GET registrations/files/{id}/rejections", "read a registration file's refused rows",
                        f -> Call.json("GET", "registrations/files/" + f.ownersUpload() + "/rejections", null, "QQ123"),
                        f -> Call.json("GET", "registrations/files/999999999/rejections", null, null), f -> "",
                        "N=OK LIN=404 LOUT=404 OWN=OK OTHER=404"),
                // portal users
                row("POST users/{username}/unlock", "unlock a person locked out by failed sign-ins",
                        f -> Call.json("POST", "users/owner.a1/unlock", null, null),
                        f -> Call.json("POST", "users/nobody.matrix@nhs.net/unlock", null, null), f -> "",
                        "N=OK LIN=403 LOUT=403 OWN=403 OTHER=403"),
                row("POST users/{username}/mfa/reset", "reset a person's authenticator (an owner's: they have none)",
                        f -> Call.json("POST", "users/owner.a1/mfa/reset", null, null),
                        f -> Call.json("POST", "users/nobody.matrix@nhs.net/mfa/reset", null, null), f -> "",
                        "N=OK LIN=403 LOUT=403 OWN=403 OTHER=403"),
                // HR systems' tokens for SCIM (the national team's)
                row("GET hr-tokens", "list the HR systems' tokens",
                        f -> Call.json("GET", "hr-tokens?max=500", null, f.hrTokenName()), null, f -> "",
                        "N=OK LIN=403 LOUT=403 OWN=403 OTHER=403"),
                row("POST hr-tokens", "issue a token to an HR system for Bury",
                        f -> Call.json("POST", "hr-tokens", "{\"name\":\"Matrix HR " + f.unique() + "\",\"scope\":[\"E08000002\"]}", null),
                        null, f -> f.hrTokens(), "N=OK LIN=403 LOUT=403 OWN=403 OTHER=403"),
                row("POST hr-tokens/{id}/rotate", "give an HR system's token a new secret",
                        f -> Call.json("POST", "hr-tokens/" + f.hrToken() + "/rotate", null, "hrt_"),
                        f -> Call.json("POST", "hr-tokens/999999999/rotate", null, null), f -> f.hrTokens(),
                        "N=OK LIN=403 LOUT=403 OWN=403 OTHER=403"),
                row("POST hr-tokens/{id}/revoke", "revoke an HR system's token",
                        f -> Call.json("POST", "hr-tokens/" + f.hrToken() + "/revoke", "{\"reason\":\"Matrix\"}", null),
                        f -> Call.json("POST", "hr-tokens/999999999/revoke", "{\"reason\":\"Matrix\"}", null), f -> f.hrTokens(),
                        "N=OK LIN=403 LOUT=403 OWN=403 OTHER=403"),
                // safe sending: the secure-domain list (everyone reads and checks; the national team edits)
                new Row("GET secure-domains", "the secure-domain list", f -> Call.json("GET", "secure-domains", null, null), null,
                        f -> "", expect("N=OK LIN=OK LOUT=OK OWN=OK OTHER=OK"), Set.of()),
                new Row("GET secure-domains/check", "is an address safe for patient data",
                        f -> Call.json("GET", "secure-domains/check?address=custody%40met.police.uk", null, null), null,
                        f -> "", expect("N=OK LIN=OK LOUT=OK OWN=OK OTHER=OK"), Set.of()),
                row("POST secure-domains", "add a domain to the list",
                        f -> Call.json("POST", "secure-domains", "{\"domain\":\"matrix" + f.unique() + ".gov.uk\",\"reason\":\"Matrix\"}", null),
                        null, f -> f.secureDomains(), "N=OK LIN=403 LOUT=403 OWN=403 OTHER=403"),
                row("POST secure-domains/{id}/remove", "take a domain off the list",
                        f -> Call.json("POST", "secure-domains/" + f.secureDomain() + "/remove", "{\"reason\":\"Matrix\"}", null),
                        f -> Call.json("POST", "secure-domains/999999999/remove", "{\"reason\":\"Matrix\"}", null), f -> f.secureDomains(),
                        "N=OK LIN=403 LOUT=403 OWN=403 OTHER=403"),
                // contractors' disclosure details (the target's contractor, Cohens; loa.bolton reaches it through Kearsley)
                row("GET contractors/{ods}/disclosure", "read the target's contractor's disclosure details and footer",
                        f -> Call.json("GET", "contractors/" + HrSystems.contractorCode("Cohens Chemist") + "/disclosure", null, null),
                        f -> Call.json("GET", "contractors/C99999/disclosure", null, null), f -> "",
                        "N=OK LIN=OK LOUT=OK OWN=OK ELSE=404 OTHER=404"),
                row("PUT contractors/{ods}/disclosure", "change the target's contractor's disclosure details",
                        f -> Call.json("PUT", "contractors/" + HrSystems.contractorCode("Cohens Chemist") + "/disclosure",
                                "{\"legalForm\":\"COMPANY\",\"registeredName\":\"Cohens Chemist Ltd " + f.unique() + "\"}", null),
                        f -> Call.json("PUT", "contractors/C99999/disclosure", "{\"legalForm\":\"COMPANY\"}", null),
                        f -> f.national.callQuietly("GET", "contractors/" + HrSystems.contractorCode("Cohens Chemist") + "/disclosure"),
                        "N=OK LIN=OK LOUT=OK OWN=OK ELSE=404 OTHER=404"),
                row("GET contractors/incomplete", "the completeness report (administrators, in scope)",
                        f -> Call.json("GET", "contractors/incomplete", null, null), null, f -> "",
                        "N=OK LIN=OK LOUT=OK OWN=403 OTHER=403"),
                row("GET contractors/incomplete/by-area", "the completeness report by area",
                        f -> Call.json("GET", "contractors/incomplete/by-area", null, null), null, f -> "",
                        "N=OK LIN=OK LOUT=OK OWN=403 OTHER=403"),
                // access reviews (a fresh campaign over the target; the owner of its contractor reviews it)
                list("GET reviews", "the campaigns the reader may see",
                        f -> f.withReview(id -> Call.json("GET", "reviews", null, f.lastReviewName())), OUTSIDE),
                row("POST reviews", "start a campaign over the target",
                        f -> Call.json("POST", "reviews", f.newReview(TARGET), null),
                        f -> Call.json("POST", "reviews", f.newReview("FZZ99"), null), f -> f.reviewsNamed(),
                        "N=OK LIN=OK LOUT=404 OWN=403 OTHER=404"),
                row("GET reviews/{id}", "a campaign's progress",
                        f -> f.withReview(id -> Call.json("GET", "reviews/" + id, null, f.lastReviewName())),
                        f -> Call.json("GET", "reviews/999999999", null, null), f -> "",
                        "N=OK LIN=OK LOUT=404 OWN=OK OTHER=404"),
                row("GET reviews/{id}/premises", "a campaign's premises",
                        f -> f.withReview(id -> Call.json("GET", "reviews/" + id + "/premises", null, TARGET)),
                        f -> Call.json("GET", "reviews/999999999/premises", null, null), f -> "",
                        "N=OK LIN=OK LOUT=404 OWN=OK OTHER=404"),
                row("GET reviews/{id}/premises/{ods}", "the target's worklist",
                        f -> f.withReview(id -> Call.json("GET", "reviews/" + id + "/premises/" + TARGET, null, "luke.bennett2@nhs.net")),
                        f -> f.withReview(id -> Call.json("GET", "reviews/" + id + "/premises/FZZ99", null, null)), f -> "",
                        "N=OK LIN=OK LOUT=404 OWN=OK OTHER=404"),
                row("POST reviews/{id}/premises/{ods}/keep-recommended", "keep every line recommended keep",
                        f -> f.withReview(id -> Call.json("POST", "reviews/" + id + "/premises/" + TARGET + "/keep-recommended", null, null)),
                        f -> f.withReview(id -> Call.json("POST", "reviews/" + id + "/premises/FZZ99/keep-recommended", null, null)),
                        f -> f.reviewOfTarget(), "N=OK LIN=OK LOUT=404 OWN=OK OTHER=404"),
                row("POST reviews/{id}/lines/{delegationId}", "decide a line of the target (remove, with a reason)",
                        f -> f.withReviewLine((id, line) -> Call.json("POST", "reviews/" + id + "/lines/" + line,
                                "{\"decision\":\"REMOVE\",\"reason\":\"Matrix\",\"confirmed\":true}", null)),
                        f -> Call.json("POST", "reviews/999999999/lines/1", "{\"decision\":\"KEEP\"}", null), f -> f.reviewOfTarget(),
                        "N=OK LIN=OK LOUT=404 OWN=OK OTHER=404"),
                row("GET reviews/{id}/evidence", "a campaign's evidence",
                        f -> f.withReview(id -> Call.json("GET", "reviews/" + id + "/evidence", null, TARGET)),
                        f -> Call.json("GET", "reviews/999999999/evidence", null, null), f -> "",
                        "N=OK LIN=OK LOUT=404 OWN=OK OTHER=404"),
                // deputies for an LOA on leave (loa.gm, who covers the target, is away; loa.salford stands in)
                new Row("GET deputies", "the appointments the reader may see (one for loa.gm, made by the national team)",
                        f -> f.withDeputy(id -> Call.json("GET", "deputies?show=ALL&max=1000", null, f.lastDeputyReason())), null,
                        f -> "", expect("N=OK LIN=OK LOUT=OK OWN=OK OTHER=OK"), OUTSIDE_AND_OWNER),
                row("POST deputies", "appoint a deputy for loa.gm over the target",
                        f -> Call.json("POST", "deputies", f.newDeputy(TARGET), null),
                        f -> Call.json("POST", "deputies", f.newDeputy("FZZ99"), null), f -> f.deputiesWithLastReason(),
                        "N=OK LIN=OK LOUT=404 OWN=403 OTHER=403"),
                row("GET deputies/{id}", "an appointment for loa.gm",
                        f -> f.withDeputy(id -> Call.json("GET", "deputies/" + id, null, f.lastDeputyReason())),
                        f -> Call.json("GET", "deputies/999999999", null, null), f -> "",
                        "N=OK LIN=OK LOUT=404 OWN=404 OTHER=404"),
                row("POST deputies/{id}/end", "end an appointment for loa.gm early",
                        f -> f.withDeputy(id -> Call.json("POST", "deputies/" + id + "/end", null, f.lastDeputyReason())),
                        f -> Call.json("POST", "deputies/999999999/end", null, null), f -> f.lastDeputy(),
                        "N=OK LIN=OK LOUT=404 OWN=404 OTHER=404"),
                // the audit trail
                row("GET audit/verify", "verify the audit trail", f -> Call.json("GET", "audit/verify", null, "\"head\""),
                        null, f -> "", "N=OK LIN=403 LOUT=403 OWN=403 OTHER=403"),
                // the session itself
                new Row("GET session", "who is signed in", f -> Call.json("GET", "session", null, null), null, f -> "",
                        expect("N=OK LIN=OK LOUT=OK OWN=OK OTHER=OK"), Set.of()));
    }

    @Test
    void everyCellAnswersAsTheTableSaysAndNothingEscapes() throws Exception {
        String missingBody = null;
        List<String> escapes = new ArrayList<>();
        int cells = 0;
        for (Row row : rows()) {
            for (Who who : Who.values()) {
                cells++;
                Outcome expected = row.expected().get(who);
                Call call = row.call().apply(fixtures);
                fixtures.lastAnswer = null;
                String before = row.readBack().apply(fixtures);
                HttpResponse<String> answer = send(CLIENTS.get(who), call);
                fixtures.lastAnswer = answer;
                String cell = row.endpoint() + " [" + row.what() + "] as " + who + ": expected " + expected + ", got "
                        + answer.statusCode() + " " + abbreviate(answer.body());
                if (!expected.matches(answer.statusCode())) {
                    escapes.add(cell);
                    continue;
                }
                if (expected != Outcome.OK || row.acceptedWithoutEffect().contains(who)) {
                    String after = row.readBack().apply(fixtures);
                    if (!after.equals(before)) {
                        escapes.add(cell + " -- WRITE ESCAPE: before " + before + ", after " + after);
                    }
                } else if (!row.acceptedWithoutEffect().isEmpty() && row.readBack().apply(fixtures).equals(before)) {
                    escapes.add(cell + " -- allowed but it changed nothing, so the refused effects of this row prove nothing");
                }
                boolean refusedForWhoAsks = expected == Outcome.FORBIDDEN || expected == Outcome.NOT_FOUND
                        || expected == Outcome.UNAUTHENTICATED;
                if (refusedForWhoAsks && call.secret() != null && answer.body().contains(call.secret())) {
                    escapes.add(cell + " -- READ ESCAPE: the answer holds " + call.secret());
                }
                if (expected == Outcome.NOT_FOUND) {
                    String body = answer.body();
                    if (missingBody == null) {
                        missingBody = body;
                    } else if (!missingBody.equals(body)) {
                        escapes.add(cell + " -- a 404 unlike the others: " + body + " vs " + missingBody);
                    }
                    if (row.missing() != null) {
                        HttpResponse<String> missing = send(CLIENTS.get(who), row.missing().apply(fixtures));
                        if (missing.statusCode() != 404 || !missing.body().equals(body)) {
                            escapes.add(cell + " -- out of scope is not answered like missing: missing gives "
                                    + missing.statusCode() + " " + missing.body());
                        }
                    }
                }
                if (row.mustNotShowTarget().contains(who) && call.secret() != null && answer.body().contains(call.secret())) {
                    escapes.add(cell + " -- READ ESCAPE: the list shows " + call.secret());
                }
                if (expected == Outcome.OK && row.mustNotShowTarget().isEmpty() == false && who == Who.NATIONAL
                        && call.secret() != null && !answer.body().contains(call.secret())) {
                    escapes.add(cell + " -- the list does not show the target even to the national team, so the check above proves nothing");
                }
            }
        }
        System.out.println("Authorisation matrix (REST): " + rows().size() + " rows, " + cells + " cells, "
                + escapes.size() + " escapes");
        assertThat(escapes).as("cells that did not answer as the table says").isEmpty();
        assertThat(missingBody).isEqualTo("{\"detail\":\"Not found.\",\"status\":404,\"title\":\"Not Found\",\"type\":\"about:blank\"}");
    }

    @Test
    void everyResourceMethodHasARow() throws Exception {
        Set<String> declared = new TreeSet<>();
        var dir = java.nio.file.Path.of(URI.create(AuthorisationMatrixIT.class.getResource("/uk/nhs/pharmacy/portal/api").toString()));
        try (var files = Files.list(dir)) {
            for (var file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                Class<?> type = Class.forName("uk.nhs.pharmacy.portal.api." + file.getFileName().toString().replace(".class", ""),
                        false, AuthorisationMatrixIT.class.getClassLoader());
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = verb(method);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        declared.add(verb + " " + base.value() + (sub == null ? "" : "/" + sub.value()));
                    }
                }
            }
        }
        Set<String> covered = rows().stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
        covered.addAll(Set.of("POST session", "DELETE session", "GET openapi.yaml")); // signing in and out; the public document
        assertThat(declared).as("resource methods found").hasSizeGreaterThan(30);
        assertThat(covered).as("every resource method has a row in the matrix").containsAll(declared);
    }

    private static String verb(Method method) {
        for (var annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return annotation.annotationType().getAnnotation(HttpMethod.class).value();
            }
        }
        return null;
    }

    static HttpResponse<String> send(ApiClient client, Call call) {
        try {
            return call.contentType() == null || call.contentType().equals("application/json")
                    ? client.call(call.method(), call.path(), call.body())
                    : client.postFile(call.path(), call.contentType(), call.body());
        } catch (Exception e) {
            throw new IllegalStateException(call.method() + " " + call.path(), e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    /**
     * Fresh targets at FA064, made by those who may make them; read-backs as the national team. Each
     * {@code with...} makes a new target, so a cell that changes it leaves the next cell a clean one.
     */
    static final class Fixtures {
        private final ApiClient national = CLIENTS.get(Who.NATIONAL);
        private final ApiClient loa = CLIENTS.get(Who.LOA_IN_SCOPE);
        private final ApiClient owner = CLIENTS.get(Who.OWNER_OF_PREMISES);
        private String lastAccount;
        private long lastCase;
        private long lastRequest;
        private int lastUnique;
        private Long leaverJob;
        private Long ownersRegistration;
        private Long ownersUpload;
        private HttpResponse<String> lastAnswer;

        record Access(long id, long version, String address) {
        }

        record Target(long id, String address) {
        }

        int unique() {
            lastUnique = COUNTER.incrementAndGet() + (int) (System.nanoTime() % 100_000) * 1000;
            return lastUnique;
        }

        int lastUnique() {
            return lastUnique;
        }

        String lastAccount() {
            return lastAccount;
        }

        long lastCase() {
            return lastCase;
        }

        long lastRequest() {
            return lastRequest;
        }

        String freshAccount() {
            JsonObject created = expect(national, 201, "POST", "accounts", "{\"homeOdsCode\":\"" + TARGET
                    + "\",\"firstName\":\"Matrix\",\"lastName\":\"Person" + letters(unique()) + "\",\"jobRole\":\"LOCUM_PHARMACIST\","
                    + "\"mobileDevice\":false}");
            lastAccount = created.getString("address");
            return lastAccount;
        }

        static String letters(int n) {
            StringBuilder s = new StringBuilder();
            for (int v = Math.abs(n); v > 0; v /= 26) {
                s.append((char) ('a' + v % 26));
            }
            return s.toString();
        }

        Call withAccess(Function<Access, Call> call) {
            return call.apply(grant("\"lastDay\":\"" + LocalDate.now().plusDays(10) + "\","));
        }

        Call withPermanentAccess(Function<Access, Call> call) {
            return call.apply(grant(""));
        }

        private Access grant(String lastDay) {
            String account = freshAccount();
            JsonObject granted = expect(national, 201, "POST", "delegations", "{\"odsCode\":\"" + TARGET + "\",\"account\":\""
                    + account + "\",\"permissions\":[\"FULL_ACCESS\"],\"owner\":false," + lastDay + "\"reason\":\"Matrix\"}");
            return new Access(granted.getJsonNumber("id").longValue(), granted.getJsonNumber("version").longValue(), account);
        }

        Call withCase(Function<Target, Call> call) {
            String account = freshAccount();
            JsonObject opened = expect(national, 201, "POST", "leavers", "{\"account\":\"" + account + "\",\"kind\":\"premises\","
                    + "\"odsCode\":\"" + TARGET + "\",\"effectiveDate\":\"" + LocalDate.now().plusDays(30) + "\",\"reason\":\"Matrix\"}");
            lastCase = opened.getJsonNumber("id").longValue();
            return call.apply(new Target(lastCase, account));
        }

        Call withRequest(Function<Target, Call> call) {
            String account = freshAccount();
            JsonObject submitted = expect(owner, 201, "POST", "requests", "{\"kind\":\"GRANT\",\"odsCode\":\"" + TARGET
                    + "\",\"account\":\"" + account + "\",\"reason\":\"Matrix\"}");
            lastRequest = submitted.getJsonNumber("id").longValue();
            return call.apply(new Target(lastRequest, account));
        }

        String leaverFile() {
            return "account,kind,odsCode,effectiveDate\n" + freshAccount() + ",premises," + TARGET + ","
                    + LocalDate.now().plusDays(40) + "\n";
        }

        /** Once the leaver file just sent has run (as the national team sees its job), whether its person has a case. */
        String casesOfLastAccountOnceTheJobHasRun() {
            if (lastAnswer != null && lastAnswer.statusCode() == 202) {
                long job = ApiClient.json(lastAnswer).getJsonNumber("id").longValue();
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                while (!ApiClient.json(call(national, "GET", "leaver-files/" + job)).getString("state").equals("FINISHED")) {
                    assertThat(System.nanoTime()).as("the leaver file's job finishes").isLessThan(deadline);
                    sleep();
                }
            }
            return casesOf(lastAccount);
        }

        long leaverJob() {
            if (leaverJob == null) {
                HttpResponse<String> sent = send(loa, new Call("POST", "leaver-files?reason=Matrix&name=matrix-job.csv", "text/csv",
                        leaverFile(), null));
                assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
                leaverJob = ApiClient.json(sent).getJsonNumber("id").longValue();
            }
            return leaverJob;
        }

        /** A premises code no demo premises has: FZ and three letters or digits, new on every call. */
        private String newOdsCode() {
            return "FZ" + String.format("%3s", Integer.toString(Math.floorMod(unique(), 36 * 36 * 36), 36)).replace(' ', '0')
                    .toUpperCase(java.util.Locale.ROOT);
        }

        String registration() {
            return "{\"tradingName\":\"Matrix Pharmacy\",\"ownerName\":\"Colin Cohen\",\"address\":\"1 Matrix Street, Bury\","
                    + "\"postcode\":\"BL9 0AA\",\"odsCode\":\"" + newOdsCode() + "\",\"telephone\":\"0161 496 0000\","
                    + "\"currentEmail\":\"matrix@example.org\"}";
        }

        long ownersRegistration() {
            if (ownersRegistration == null) {
                ownersRegistration = expect(owner, 201, "POST", "registrations", registration()).getJsonNumber("id").longValue();
            }
            return ownersRegistration;
        }

        /** The template with one good row and one refused row (an ODS code that is not one). */
        String registrationFile() {
            StringBuilder file = new StringBuilder(new String(uk.nhs.pharmacy.portal.onboarding.RegistrationTemplate.csv(),
                    java.nio.charset.StandardCharsets.UTF_8));
            for (String ods : List.of(newOdsCode(), "QQ123")) {
                Map<uk.nhs.pharmacy.portal.onboarding.RegistrationField, String> values = Map.of(
                        uk.nhs.pharmacy.portal.onboarding.RegistrationField.TRADING_NAME, "Matrix Pharmacy",
                        uk.nhs.pharmacy.portal.onboarding.RegistrationField.OWNER_NAME, "Colin Cohen",
                        uk.nhs.pharmacy.portal.onboarding.RegistrationField.ADDRESS, "2 Matrix Street Bury",
                        uk.nhs.pharmacy.portal.onboarding.RegistrationField.POSTCODE, "BL9 0AB",
                        uk.nhs.pharmacy.portal.onboarding.RegistrationField.ODS_CODE, ods,
                        uk.nhs.pharmacy.portal.onboarding.RegistrationField.TELEPHONE, "0161 496 0001",
                        uk.nhs.pharmacy.portal.onboarding.RegistrationField.CURRENT_EMAIL, "matrix@example.org");
                file.append(String.join(",", uk.nhs.pharmacy.portal.onboarding.RegistrationTemplate.row(values))).append("\r\n");
            }
            return file.toString();
        }

        /** An upload by the contractor's owner, finished (its refused row recorded). */
        long ownersUpload() throws IllegalStateException {
            if (ownersUpload == null) {
                HttpResponse<String> sent = send(owner, new Call("POST", "registrations/files?name=matrix-upload.csv", "text/csv",
                        registrationFile(), null));
                assertThat(sent.statusCode()).as(sent.body()).isIn(200, 201, 202);
                ownersUpload = ApiClient.json(sent).getJsonNumber("id").longValue();
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                while (!ApiClient.json(call(national, "GET", "registrations/files/" + ownersUpload)).getString("state").equals("FINISHED")) {
                    assertThat(System.nanoTime()).as("the registration upload finishes").isLessThan(deadline);
                    sleep();
                }
            }
            return ownersUpload;
        }

        private static void sleep() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A change queued for the platform at the target (it has not failed, so a retry is refused by the rules). */
        long provisioningEvent() {
            JsonArray events = array(national, "premises/" + TARGET + "/provisioning");
            if (events.isEmpty()) {
                grant("");
                events = array(national, "premises/" + TARGET + "/provisioning");
            }
            return events.getJsonObject(0).getJsonNumber("id").longValue();
        }

        /** The retries in the target's audit trail, as the national team exports it: a retry adds one. */
        String auditOfTarget() {
            try {
                return String.valueOf(national.page("export/audit.csv?ods=" + TARGET + "&from=2000-01-01").body().lines()
                        .filter(line -> line.contains("PROVISIONING_RETRIED")).count());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        // read-backs, as the national team

        String premises() {
            return national.callQuietly("GET", "premises/" + TARGET);
        }

        String accessOf(String account) {
            return national.callQuietly("GET", "accounts/" + account);
        }

        String account(String account) {
            return national.callQuietly("GET", "accounts/" + account);
        }

        private long lastReview;
        private String lastReviewName;

        String lastReviewName() {
            return lastReviewName;
        }

        String newReview(String ods) {
            lastReviewName = "Matrix review " + unique();
            return "{\"name\":\"" + lastReviewName + "\",\"scope\":[\"" + ods + "\"],\"startsOn\":\"" + LocalDate.now()
                    + "\",\"deadline\":\"" + LocalDate.now().plusDays(30) + "\",\"atDeadline\":\"KEEP_AND_FLAG\"}";
        }

        /** A campaign over the target, started by the national team. */
        Call withReview(Function<Long, Call> call) {
            lastReview = expect(national, 201, "POST", "reviews", newReview(TARGET)).getJsonNumber("id").longValue();
            return call.apply(lastReview);
        }

        /** A fresh access to the target, in a fresh campaign: its line goes to the owners. */
        Call withReviewLine(java.util.function.BiFunction<Long, Long, Call> call) {
            Access access = grant("\"lastDay\":\"" + LocalDate.now().plusDays(10) + "\",");
            return withReview(id -> call.apply(id, access.id));
        }

        String reviewOfTarget() {
            return national.callQuietly("GET", "reviews/" + lastReview + "/premises/" + TARGET);
        }

        String reviewsNamed() {
            return String.valueOf(national.callQuietly("GET", "reviews?max=1000").split(java.util.regex.Pattern.quote(
                    "\"" + lastReviewName + "\""), -1).length - 1);
        }

        private long lastDeputy;
        private String lastDeputyReason;

        String lastDeputyReason() {
            return lastDeputyReason;
        }

        /** loa.gm away from three weeks on (so it never runs while the other tests do), loa.salford standing in. */
        String newDeputy(String ods) {
            lastDeputyReason = "Matrix leave " + unique();
            return "{\"absent\":\"loa.gm\",\"deputy\":\"loa.salford\",\"firstDay\":\"" + LocalDate.now().plusDays(20)
                    + "\",\"lastDay\":\"" + LocalDate.now().plusDays(25) + "\",\"scope\":[\"" + ods + "\"],\"reason\":\""
                    + lastDeputyReason + "\"}";
        }

        /** An appointment for loa.gm, made by the national team. */
        Call withDeputy(Function<Long, Call> call) {
            lastDeputy = expect(national, 201, "POST", "deputies", newDeputy(TARGET)).getJsonNumber("id").longValue();
            return call.apply(lastDeputy);
        }

        String lastDeputy() {
            return national.callQuietly("GET", "deputies/" + lastDeputy);
        }

        String deputiesWithLastReason() {
            return String.valueOf(national.callQuietly("GET", "deputies?show=ALL&max=1000").split(java.util.regex.Pattern.quote(
                    "\"" + lastDeputyReason + "\""), -1).length - 1);
        }

        private long hrToken;
        private String hrTokenName;

        /** A new token for Bury, issued by the national team. */
        long hrToken() {
            JsonObject issued;
            try {
                issued = national.expect(201, "POST", "hr-tokens", "{\"name\":\"Matrix token " + unique()
                        + "\",\"scope\":[\"E08000002\"]}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            hrToken = issued.getJsonObject("token").getJsonNumber("id").longValue();
            hrTokenName = issued.getJsonObject("token").getString("name");
            return hrToken;
        }

        /** The name of a token that exists, which no refused answer may show. */
        String hrTokenName() {
            if (hrTokenName == null) {
                hrToken();
            }
            return hrTokenName;
        }

        /** A new entry on the secure-domain list, added by the national team; its id. */
        long secureDomain() {
            try {
                return national.expect(201, "POST", "secure-domains", "{\"domain\":\"fixture" + unique()
                        + ".gov.uk\",\"reason\":\"Matrix\"}").getJsonNumber("id").longValue();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        String secureDomains() {
            return national.callQuietly("GET", "secure-domains");
        }

        String hrTokens() {
            return national.callQuietly("GET", "hr-tokens?max=500");
        }

        String accountsNamed(String lastName) {
            return national.callQuietly("GET", "accounts?q=" + lastName.toLowerCase());
        }

        String casesOf(String account) {
            return national.callQuietly("GET", "leavers?state=all&max=500").contains(account) ? "case for " + account : "none";
        }

        String caseState(long id) {
            return ApiClient.json(call(national, "GET", "leavers/" + id)).getString("state");
        }

        String requestsAbout(String account) {
            return national.callQuietly("GET", "requests?max=500").contains(account) ? "request for " + account : "none";
        }

        String request(long id) {
            return ApiClient.json(call(national, "GET", "requests/" + id)).getString("state");
        }

        private static HttpResponse<String> call(ApiClient client, String method, String path) {
            try {
                return client.call(method, path, null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static JsonArray array(ApiClient client, String path) {
            return Json.createReader(new StringReader(call(client, "GET", path).body())).readArray();
        }

        private static JsonObject expect(ApiClient client, int status, String method, String path, String body) {
            try {
                return client.expect(status, method, path, body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
