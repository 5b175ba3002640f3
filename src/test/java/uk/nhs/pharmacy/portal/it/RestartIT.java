package uk.nhs.pharmacy.portal.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What came due while the portal was down happens when it starts again: expired access is revoked
 * and a future-dated leaver case runs, each once. The portal is restarted "three days later" by
 * moving its clock ({@code portal.clock.offset}); its H2 data directory is kept between the runs.
 */
class RestartIT {

    private static final int PORT = PortalServer.freePort();
    private static final Path DATA = Path.of("target/it-data-restart");
    private Process portal;

    private Process start(List<String> properties, boolean fresh) throws Exception {
        return PortalServer.start(PORT, DATA, "jdbc:h2:file:" + DATA.toAbsolutePath() + "/portal;MODE=LEGACY",
                "org.h2.jdbcx.JdbcDataSource", "sa", "portal-demo", properties, new File("target/it-portal-restart.log"), fresh);
    }

    @AfterEach
    void stop() {
        if (portal != null) {
            PortalServer.stop(portal);
        }
    }

    @Test
    void expiryAndAFutureDatedLeaverCatchUpAtStartUpAfterDowntime() throws Exception {
        Prerequisites.onceInTheH2Pass("RestartIT (an H2 file of its own)");
        portal = start(List.of(), true);
        ApiClient api = new ApiClient("http://127.0.0.1:" + PORT + "/");
        api.signIn("loa.bolton");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        JsonObject cover = api.expect(201, "POST", "delegations", "{\"odsCode\":\"FXJ72\",\"account\":\"leo.lindqvist@nhs.net\","
                + "\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"lastDay\":\"" + today + "\",\"reason\":\"Cover today only\"}");
        api.expect(201, "POST", "delegations", "{\"odsCode\":\"FXD23\",\"account\":\"leo.lindqvist@nhs.net\","
                + "\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"reason\":\"Regular locum\"}");
        JsonObject leaver = api.expect(201, "POST", "leavers", "{\"account\":\"leo.lindqvist@nhs.net\",\"kind\":\"premises\","
                + "\"odsCode\":\"FXD23\",\"effectiveDate\":\"" + today.plusDays(2) + "\",\"reason\":\"Moves branch\"}");
        assertThat(leaver.getString("state")).isEqualTo("SCHEDULED");
        long caseId = leaver.getJsonNumber("id").longValue();
        PortalServer.stop(portal);

        portal = start(List.of("-Dportal.clock.offset=P3D"), false);
        api = new ApiClient("http://127.0.0.1:" + PORT + "/");
        api.signIn("national", java.time.Duration.ofDays(3)); // with no access left in Bolton, Leo is out of the Bolton LOA's sight
        JsonObject ran = api.expect(200, "GET", "leavers/" + caseId, null);
        assertThat(ran.getString("state")).isEqualTo("CLOSED");
        assertThat(ran.getJsonArray("steps").getJsonObject(0).getString("by")).isEqualTo("system:leaver-schedule");
        JsonObject account = api.expect(200, "GET", "accounts/leo.lindqvist@nhs.net", null);
        assertThat(account.getJsonArray("access")).as("both the expired cover and the left branch are gone").isEmpty();
        JsonObject premises = api.expect(200, "GET", "premises/FXJ72", null);
        assertThat(premises.getJsonArray("access").toString()).doesNotContain("leo.lindqvist@nhs.net");
        assertThat(api.call("GET", "leavers?state=closed&account=leo.lindqvist", null).body()).contains("\"id\":" + caseId);
        JsonObject expired = api.expect(200, "GET", "accounts/leo.lindqvist@nhs.net", null);
        assertThat(expired.toString()).doesNotContain("\"id\":" + cover.getJsonNumber("id").longValue() + ",");
    }
}
