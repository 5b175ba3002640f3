package uk.nhs.pharmacy.portal.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.nhs.pharmacy.portal.demo.DemoUsers;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two members behind nginx on a MariaDB of the test's own, started by {@code deploy/cluster/cluster.sh}
 * as a user would: a change through one member is read through the other at once; scheduled work
 * runs once per period across both; a signed-in person's half-filled form posts correctly after
 * {@code kill -9} of the member serving them; a bulk leaver file whose member is killed is finished
 * by the other, each line once; each member's data grid listens on loopback only; a rolling
 * restart loses no request; the database away is a 503 on each member, which recover by
 * themselves. Runs once, in the H2 pass of CI (it brings its own MariaDB), bounded in time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static LocalMariaDb db;
    private static PortalCluster cluster;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @BeforeAll
    static void startCluster() throws Exception {
        Prerequisites.onceInTheH2Pass("ClusterIT");
        Prerequisites.requireClusterTools();
        db = LocalMariaDb.start(Path.of("target/cluster-db"));
        cluster = PortalCluster.start(db, "-Dportal.mfa.reuseWithinStep=true -Dportal.jobs.holdSeconds=9"
                + " -Dportal.audit.seal.seconds=2");
        browser.at(cluster.nginx());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void aChangeThroughOneMemberIsReadThroughTheOtherAtOnce() throws Exception {
        ApiClient viaA = new ApiClient(cluster.member(1));
        viaA.signIn("loa.bolton");
        ApiClient viaB = viaA.sameSessionAt(cluster.member(2));
        assertThat(viaB.expect(200, "GET", "session", null).getString("username"))
                .as("the session made on member 1 is known to member 2").isEqualTo("loa.bolton");

        String address = viaA.expect(201, "POST", "accounts", "{\"homeOdsCode\":\"FM664\",\"firstName\":\"Cluster\","
                + "\"lastName\":\"Locum\",\"jobRole\":\"LOCUM_PHARMACIST\",\"mobileDevice\":false}").getString("address");
        viaA.expect(201, "POST", "delegations", "{\"odsCode\":\"FM664\",\"account\":\"" + address + "\","
                + "\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"lastDay\":\"" + TODAY.plusDays(7)
                + "\",\"reason\":\"Cover through member 1\"}");
        assertThat(viaB.callQuietly("GET", "premises/FM664")).as("member 2 reads member 1's grant at once")
                .contains(address).contains(TODAY.plusDays(7).toString());

        JsonObject access = viaB.expect(200, "GET", "accounts/" + address, null);
        assertThat(access.toString()).contains("FM664");
    }

    @Test
    @Order(1)
    void eachMembersDataGridListensOnLoopbackOnly() throws Exception {
        for (int n = 1; n <= 2; n++) {
            assertThat(Ports.acceptsOnLoopback(cluster.gridPort(n))).as("member %d's data grid on loopback", n).isTrue();
            assertThat(Ports.otherAddressesAccepting(cluster.gridPort(n))).as("member %d's data grid elsewhere", n).isEmpty();
        }
    }

    @Test
    @Order(2)
    void scheduledWorkRunsOncePerPeriodAcrossBothMembers() throws Exception {
        long before = runs("audit-seal");
        long started = System.nanoTime();
        Thread.sleep(20_000);
        long periods = Duration.ofNanos(System.nanoTime() - started).toSeconds() / 2;
        long ran = runs("audit-seal") - before;
        // both members' timers fire every 2 s: without the claim it would run about twice per period
        assertThat(ran).as("audit sealing runs in %d periods of 2 s", periods).isBetween(periods / 2, periods + 1);
        assertThat(runs("portal-schedule")).as("the expiry and leaver schedule has run").isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(6)
    void aHalfFilledFormPostsAfterTheMemberServingItIsKilled() throws Exception {
        ApiClient loa = new ApiClient(cluster.member(1));
        loa.signIn("loa.bolton");
        String address = loa.expect(201, "POST", "accounts", "{\"homeOdsCode\":\"FM664\",\"firstName\":\"Failover\","
                + "\"lastName\":\"Locum\",\"jobRole\":\"LOCUM_PHARMACIST\",\"mobileDevice\":false}").getString("address");
        loa.expect(201, "POST", "delegations", "{\"odsCode\":\"FM664\",\"account\":\"" + address + "\","
                + "\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"lastDay\":\"" + TODAY.plusDays(5)
                + "\",\"reason\":\"Cover\"}");

        browser.signIn("loa.bolton", DemoUsers.PASSWORD);
        browser.open("premises.xhtml?ods=FM664");
        browser.waitFor(By.id("accessForm:access"));
        browser.submit(row(address).findElement(By.cssSelector("button[id$=':change']")));
        browser.waitFor(By.id("changeForm:changeLastDay:input"));
        LocalDate extended = TODAY.plusDays(12);
        WebElement lastDay = browser.driver().findElement(By.id("changeForm:changeLastDay:input"));
        lastDay.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                extended.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), org.openqa.selenium.Keys.TAB);
        browser.driver().findElement(By.id("changeForm:changeReason")).sendKeys("Cover extended during a failover");

        int serving = cluster.lastServedBy();
        cluster.kill(serving); // the last test: the member stays down
        afterTheKill(serving, address);
    }

    private void afterTheKill(int serving, String address) throws Exception {
        LocalDate extended = TODAY.plusDays(12);
        long killed = System.nanoTime();
        browser.submit(By.id("changeForm:confirmChange"));
        long failoverMillis = (System.nanoTime() - killed) / 1_000_000;
        System.out.println("CLUSTER: the first post after kill -9 of member " + serving + " answered in " + failoverMillis + " ms");

        assertThat(browser.has(By.cssSelector(".ui-messages-error"))).as(browser.text(By.id("messages"))).isFalse();
        assertThat(browser.text(By.cssSelector(".ui-messages-info"))).isNotBlank();
        assertThat(cluster.lastServedBy()).as("the other member answered").isNotEqualTo(serving);
        assertThat(row(address).getText()).as("the half-filled form's last day was saved")
                .contains(extended.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK)));
        assertThat(browser.text(By.id("userName"))).as("still signed in").isNotBlank();
    }

    @Test
    @Order(3)
    void aBulkLeaverFileWhoseMemberIsKilledIsFinishedByTheOtherEachLineOnce() throws Exception {
        List<String> people = new ArrayList<>();
        StringBuilder file = new StringBuilder("account,kind,odsCode,effectiveDate\n");
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT a.address, o.ods_code FROM personal_account a JOIN organisation o ON o.id = a.home_org_id"
                        + " WHERE a.status = 'ACTIVE' AND o.kind = 'PREMISES' AND a.address LIKE '%@nhs.net'"
                        + " AND NOT EXISTS (SELECT 1 FROM leaver_case l WHERE l.account_id = a.id) ORDER BY a.id LIMIT 300")) {
            while (rs.next()) {
                people.add(rs.getString(1));
                file.append(rs.getString(1)).append(",premises,").append(rs.getString(2)).append(',')
                        .append(TODAY.plusDays(60)).append('\n');
            }
        }
        assertThat(people).hasSize(300);
        ApiClient viaA = new ApiClient(cluster.member(1));
        viaA.signIn("national");
        ApiClient viaB = viaA.sameSessionAt(cluster.member(2));
        HttpResponse<String> accepted = viaA.postFile("leaver-files?reason=Cluster+test&name=cluster.csv", "text/csv", file.toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long job = ApiClient.json(accepted).getJsonNumber("id").longValue();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ApiClient.json(viaB.call("GET", "leaver-files/" + job, null)).getJsonNumber("finished").longValue() < 20) {
            assertThat(System.nanoTime()).as("the job starts on member 1").isLessThan(deadline);
            Thread.sleep(100);
        }
        cluster.kill(1); // the rolling restart next starts it again
        finishedByMember2(viaB, job);
    }

    private void finishedByMember2(ApiClient viaB, long job) throws Exception {
        JsonObject atKill = ApiClient.json(viaB.call("GET", "leaver-files/" + job, null));
        assertThat(atKill.getJsonNumber("finished").longValue()).as("member 1 was killed in the middle of the job").isLessThan(300);

        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonObject now;
        while (!(now = ApiClient.json(viaB.call("GET", "leaver-files/" + job, null))).getString("state").equals("FINISHED")) {
            assertThat(System.nanoTime()).as("member 2 takes the job over and finishes it").isLessThan(deadline);
            Thread.sleep(500);
        }
        assertThat(now.getInt("done") + now.getInt("failed")).isEqualTo(300);
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT COUNT(*), COUNT(DISTINCT l.account_id), SUM(CASE WHEN r.state = 'DONE' THEN 1 ELSE 0 END)"
                        + " FROM bulk_leaver_row r LEFT JOIN leaver_case l ON l.id = r.case_id WHERE r.job_id = " + job)) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(300);
            assertThat(rs.getLong(3)).as("lines done").isEqualTo(now.getInt("done"));
        }
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT a.address, COUNT(*) FROM leaver_case l JOIN personal_account a ON a.id = l.account_id"
                        + " WHERE l.reason = 'Cluster test' GROUP BY a.address HAVING COUNT(*) > 1")) {
            assertThat(rs.next()).as("a person with two cases from the file").isFalse();
        }
    }

    /** Member 1, killed by the test before, is started again in its turn. */
    @Test
    @Order(4)
    void aRollingRestartLosesNoRequest() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trustingLoopback()).cookieHandler(new java.net.CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        String base = cluster.nginx() + "api/";
        HttpResponse<String> signedIn = https.send(HttpRequest.newBuilder(URI.create(base + "session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"owner.a1\",\"password\":\"" + DemoUsers.PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(204);
        AtomicInteger sent = new AtomicInteger();
        List<String> lost = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread load = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create(base + "session")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    sent.incrementAndGet();
                    if (r.statusCode() != 200 || !r.body().contains("owner.a1")) {
                        lost.add(r.statusCode() + " " + r.body());
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    lost.add(e.toString());
                }
            }
        });
        load.start();
        cluster.rollingRestart();
        load.interrupt();
        load.join();
        System.out.println("CLUSTER: rolling restart with " + sent.get() + " requests, " + lost.size() + " not answered 200");
        assertThat(sent.get()).isGreaterThan(100);
        assertThat(lost).as("requests lost or refused during the rolling restart").isEmpty();
    }

    @Test
    @Order(5)
    void theDatabaseAwayIsA503OnEveryMemberAndTheClusterRecoversByItself() throws Exception {
        ApiClient viaA = new ApiClient(cluster.member(1));
        viaA.signIn("loa.bolton");
        ApiClient viaB = viaA.sameSessionAt(cluster.member(2));
        db.stopServer();
        try {
            for (ApiClient member : List.of(viaA, viaB)) {
                HttpResponse<String> down = member.call("GET", "premises/FM664", null);
                assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                assertThat(down.headers().firstValue("Retry-After")).isPresent();
                assertThat(member.page("health/ready").statusCode()).isEqualTo(503);
            }
            HttpResponse<String> page = viaB.page("premises.xhtml?ods=FM664");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("temporarily unavailable");
        } finally {
            db.startServer();
        }
        for (ApiClient member : List.of(viaA, viaB)) {
            assertThat(member.awaitOk("premises/FM664", Duration.ofSeconds(60))).as("each member answers again once the database is back")
                    .isEqualTo(200);
        }
    }

    private WebElement row(String address) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("#accessForm\\:access_data > tr")).stream().filter(r -> r.getText().contains(address))
                .findFirst().orElse(null));
    }

    private static long runs(String job) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT runs FROM cluster_lease WHERE job = '" + job + "'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The cluster's nginx has a certificate made for the test: trusted here, on loopback only. */
    private static SSLContext trustingLoopback() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            public void checkServerTrusted(X509Certificate[] chain, String authType) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        return context;
    }
}
