package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.nhs.pharmacy.portal.demo.DemoUsers;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing passwords over the API, against the shared portal (which locks an account after 5
 * failures: -Dportal.signIn.account.lockAfter=5, with the default 3 free): the right password is
 * refused while the account waits, the lock holds until the national team unlocks it, every
 * attempt is in the audit trail, and an unknown username costs as much time as a real one.
 */
@ExtendWith(SharedPortal.class)
class SignInGuardIT {

    private static final String VICTIM = "owner.a1";

    private static HttpResponse<String> attempt(String username, String password) throws Exception {
        return new ApiClient(SharedPortal.baseUrl()).call("POST", "session",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private static long millis(String username, String password) throws Exception {
        long start = System.nanoTime();
        assertThat(attempt(username, password).statusCode()).isEqualTo(401);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void administratorsNeedTheirAuthenticatorCodeAndOwnersDoNot() throws Exception {
        String withoutCode = "{\"username\":\"loa.gm\",\"password\":\"" + DemoUsers.PASSWORD + "\"}";
        HttpResponse<String> noCode = new ApiClient(SharedPortal.baseUrl()).call("POST", "session", withoutCode);
        assertThat(noCode.statusCode()).as(noCode.body()).isEqualTo(401);
        assertThat(ApiClient.json(noCode).getString("detail")).contains("authenticator").contains("\"code\"");
        String right = DemoUsers.mfaCode("loa.gm");
        String wrong = right.equals("123456") ? "654321" : "123456";
        HttpResponse<String> wrongCode = new ApiClient(SharedPortal.baseUrl()).call("POST", "session",
                withoutCode.replace("}", ",\"code\":\"" + wrong + "\"}"));
        assertThat(wrongCode.statusCode()).isEqualTo(401);
        ApiClient withCode = new ApiClient(SharedPortal.baseUrl());
        withCode.signIn("loa.gm");
        assertThat(ApiClient.json(withCode.call("GET", "session", null)).getString("username")).isEqualTo("loa.gm");
        assertThat(new ApiClient(SharedPortal.baseUrl()).call("POST", "session", "{\"username\":\"owner.cohens\",\"password\":\""
                + DemoUsers.PASSWORD + "\"}").statusCode()).as("owners sign in with a password").isEqualTo(204);
    }

    @Test
    void guessesAreSlowedThenLockedAndOnlyTheNationalTeamUnlocks() throws Exception {
        ApiClient national = new ApiClient(SharedPortal.baseUrl());
        national.signIn("national");
        try {
            List<Long> known = new ArrayList<>();
            List<Long> unknown = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                known.add(millis(VICTIM, "guess-" + i));
                unknown.add(millis("nobody." + System.nanoTime() + "@nhs.net", "guess-" + i));
            }
            Collections.sort(known);
            Collections.sort(unknown);
            System.out.println("Failed sign-in, median ms: real user " + known.get(1) + ", unknown user " + unknown.get(1));
            assertThat(unknown.get(1)).as("an unknown user is answered after the same work as a real one (ms)")
                    .isGreaterThan(known.get(1) / 3);

            assertThat(attempt(VICTIM, "guess-3").statusCode()).as("the fourth failure").isEqualTo(401);
            HttpResponse<String> right = attempt(VICTIM, DemoUsers.PASSWORD);
            assertThat(right.statusCode()).as("the right password, while the account waits: " + right.body()).isEqualTo(429);
            assertThat(right.headers().firstValue("Retry-After")).isPresent();
            assertThat(ApiClient.json(right).getString("detail")).contains("wait");

            Thread.sleep(1_200);
            assertThat(attempt(VICTIM, "guess-4").statusCode()).as("the fifth failure locks").isEqualTo(401);
            Thread.sleep(1_200);
            assertThat(attempt(VICTIM, DemoUsers.PASSWORD).statusCode()).as("locked: the right password is refused")
                    .isEqualTo(429);

            ApiClient loa = new ApiClient(SharedPortal.baseUrl());
            loa.signIn("loa.gm");
            assertThat(loa.call("POST", "users/" + VICTIM + "/unlock", null).statusCode()).as("an LOA may not unlock")
                    .isEqualTo(403);
            assertThat(national.call("POST", "users/nobody.at.all@nhs.net/unlock", null).statusCode()).isEqualTo(404);
        } finally {
            assertThat(national.call("POST", "users/" + VICTIM + "/unlock", null).statusCode()).isEqualTo(204);
        }
        ApiClient owner = new ApiClient(SharedPortal.baseUrl());
        owner.signIn(VICTIM);
        assertThat(owner.call("GET", "premises/FM664", null).statusCode()).isEqualTo(200);

        String audit = national.page("export/audit.csv?actor=" + VICTIM + "&from=2000-01-01").body();
        assertThat(audit).contains("SIGN_IN_FAILED").contains("SIGN_IN_REFUSED").contains("SIGN_IN,");
        assertThat(national.page("export/audit.csv?actor=national&from=2000-01-01").body()).contains("SIGN_IN_UNLOCKED");
    }
}
