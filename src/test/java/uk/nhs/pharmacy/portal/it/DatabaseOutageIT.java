package uk.nhs.pharmacy.portal.it;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database outage, for real: the portal runs on an H2 server of the test's own (TCP, loopback),
 * which is stopped under it and started again. While it is down the API answers 503 with a problem
 * that says the database is unavailable (not 500), readiness is down, and nothing is lost: when
 * the database is back, the portal answers again without a restart.
 */
class DatabaseOutageIT {

    private static final int PORT = PortalServer.freePort();
    private static final Path DATA = Path.of("target/it-data-outage");
    private Process portal;
    private Server database;
    private int databasePort;

    @AfterEach
    void stop() {
        if (portal != null) {
            PortalServer.stop(portal);
        }
        if (database != null) {
            database.stop();
        }
    }

    private void startDatabase() throws Exception {
        database = Server.createTcpServer("-tcpPort", String.valueOf(databasePort), "-baseDir", DATA.resolve("db").toAbsolutePath()
                .toString(), "-ifNotExists").start();
    }

    @Test
    void anUnavailableDatabaseIsA503ThatSaysSoAndThePortalRecoversWhenItIsBack() throws Exception {
        Prerequisites.onceInTheH2Pass("DatabaseOutageIT (an H2 server of its own)");
        if (Files.exists(DATA)) {
            try (var files = Files.walk(DATA)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        databasePort = PortalServer.freePort();
        startDatabase();
        portal = PortalServer.start(PORT, DATA.resolve("portal"), "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/portal;MODE=LEGACY",
                "org.h2.jdbcx.JdbcDataSource", "sa", "portal-demo", List.of(), new File("target/it-portal-outage.log"), false);
        ApiClient api = new ApiClient("http://127.0.0.1:" + PORT + "/");
        api.signIn("loa.gm");
        assertThat(api.call("GET", "premises/FA064", null).statusCode()).isEqualTo(200);
        String locum = api.expect(201, "POST", "accounts", "{\"homeOdsCode\":\"FA064\",\"firstName\":\"Outage\","
                + "\"lastName\":\"Locum\",\"jobRole\":\"LOCUM_PHARMACIST\",\"mobileDevice\":false}").getString("address");

        database.stop();
        HttpResponse<String> down = api.call("GET", "premises/FA064", null);
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(down.body()).containsIgnoringCase("database").doesNotContain("Exception").doesNotContain("jdbc");
        HttpResponse<String> write = api.call("POST", "delegations", "{\"odsCode\":\"FA064\",\"account\":\"" + locum + "\","
                + "\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"reason\":\"During the outage\"}");
        assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
        assertThat(api.page("health/ready").statusCode()).isEqualTo(503);
        HttpResponse<String> page = api.page("premises.xhtml?ods=FA064");
        assertThat(page.statusCode()).as("a page during the outage").isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("temporarily unavailable").doesNotContain("SQLException").doesNotContain("jdbc:");

        startDatabase();
        assertThat(api.awaitOk("premises/FA064", Duration.ofSeconds(60))).as("the portal answers again once the database is back")
                .isEqualTo(200);
        assertThat(api.page("health/ready").statusCode()).isEqualTo(200);
        assertThat(api.callQuietly("GET", "premises/FA064")).as("the grant refused during the outage was not stored")
                .doesNotContain("\"" + locum + "\"");
    }
}
