package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.nhs.pharmacy.portal.demo.DemoUsers;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.stream.Collectors;
import uk.nhs.pharmacy.portal.demo.GmPharmacy;
import uk.nhs.pharmacy.portal.demo.GmPharmacyList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the portal answers over plain HTTP: sign-in, session cookies, error pages, health. */
@ExtendWith(SharedPortal.class)
class HttpSecurityIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theRootAsksAVisitorToSignIn() throws Exception {
        HttpResponse<String> root = get("");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.xhtml"));
        HttpResponse<String> login = get("login.xhtml");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Sign in").contains("Open Government Licence v3.0");
    }

    @Test
    void theSignInPageMakesNoSessionAndSigningInMakesAnHttpOnlySameSiteOne() throws Exception {
        HttpResponse<String> login = get("login.xhtml");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).as("a visit to the sign-in page keeps nothing on the server").isEmpty();
        HttpResponse<String> signedIn = postSignInForm("loa.bolton", DemoUsers.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void signingInGivesANewSessionIdAndSigningOutEndsIt() throws Exception {
        // A page asked for before signing in makes the session that remembers it: the id a planted
        // cookie would carry. Signing in must not keep it.
        String before = sessionId(get("premises.xhtml?ods=FM664"));
        assertThat(postSignInForm("loa.bolton", DemoUsers.PASSWORD).statusCode()).isEqualTo(302);
        String after = currentSessionId();
        assertThat(after).isNotEqualTo(before);
        HttpResponse<String> home = get("");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Ben Lever");
    }

    @Test
    void aPageAskedForBeforeSigningInIsShownAfterIt() throws Exception {
        HttpResponse<String> deepLink = get("premises.xhtml?ods=FM664");
        assertThat(deepLink.statusCode()).isEqualTo(302);
        assertThat(deepLink.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.xhtml"));
        HttpResponse<String> signedIn = postSignInForm("loa.bolton", DemoUsers.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/premises.xhtml?ods=FM664"));
        assertThat(get("premises.xhtml?ods=FM664").body()).contains("FM664");
    }

    /**
     * Several people signed in at once must each be let in on every request. With the platform's
     * form mechanism and @AutoApplySession, 1-5 % of such requests were refused (Payara #6145).
     */
    @Test
    void concurrentSignedInPeopleAreNeverRefusedAPage() throws Exception {
        List<String> people = List.of("loa.gm", "loa.bolton", "owner.cohens", "national", "loa.gm", "loa.bolton");
        List<HttpClient> sessions = new ArrayList<>();
        for (String person : people) {
            sessions.add(apiSignedIn(person));
        }
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (HttpClient session : sessions) {
                results.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 60; i++) {
                        statuses.add(session.send(HttpRequest.newBuilder(URI.create(SharedPortal.baseUrl())).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode());
                    }
                    return statuses;
                }));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                all.addAll(result.get(2, TimeUnit.MINUTES));
            }
            assertThat(all).hasSize(people.size() * 60).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aForbiddenPageIsShownAsNotFound() throws Exception {
        signIn("owner.a1", DemoUsers.PASSWORD);
        HttpResponse<String> audit = get("audit/log.xhtml");
        HttpResponse<String> missing = get("no-such-page.xhtml");
        assertThat(audit.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(audit.body()).contains("Page not found");
        assertThat(stripIds(audit.body())).isEqualTo(stripIds(missing.body()));
    }

    @Test
    void anLoaSeesTheAuditTrail() throws Exception {
        signIn("loa.bolton", DemoUsers.PASSWORD);
        HttpResponse<String> audit = get("audit/log.xhtml");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("Gave access");
    }

    @Test
    void aPostWithoutAValidViewStateChangesNothing() throws Exception {
        get("login.xhtml");
        HttpResponse<String> forged = post("login.xhtml", "login=login&login%3Ausername=loa.bolton&login%3Apassword="
                + URLEncoder.encode(DemoUsers.PASSWORD, StandardCharsets.UTF_8)
                + "&login%3AsignIn=&jakarta.faces.ViewState=forged");
        assertThat(forged.statusCode()).isNotEqualTo(302);
        assertThat(get("").statusCode()).isEqualTo(302);
    }

    @Test
    void anLoaForBoltonCannotReadABuryPremisesOrItsPeople() throws Exception {
        signIn("loa.bolton", DemoUsers.PASSWORD);
        assertThat(get("premises.xhtml?ods=FM664").statusCode()).isEqualTo(200);
        HttpResponse<String> bury = get("premises.xhtml?ods=FFJ22");
        assertThat(bury.statusCode()).isEqualTo(404);
        assertThat(bury.body()).doesNotContain("FFJ22").doesNotContain("pharmacy.ffj22");
        assertThat(get("premises.xhtml?ods=NOTACODE").statusCode()).isEqualTo(404);
        assertThat(get("directory.xhtml").body()).contains("Premises directory");
        assertThat(get("bulk.xhtml").body()).contains("Bulk grant or revoke");
    }

    private static final Pattern NONCE = Pattern.compile("PrimeFaces.csp.init\\('([^']+)'\\)");

    @Test
    void aCraftedFacesPostCannotGrantOnABuryMailbox() throws Exception {
        signIn("loa.bolton", DemoUsers.PASSWORD);
        HttpResponse<String> own = get("premises.xhtml?ods=FM664");
        Matcher viewState = VIEW_STATE.matcher(own.body());
        Matcher nonce = NONCE.matcher(own.body());
        assertThat(viewState.find() && nonce.find()).isTrue();
        // Replay the grant form of a page in scope against a Bury premises' address.
        HttpResponse<String> crafted = post("premises.xhtml?ods=FA064", "grantForm=grantForm"
                + "&grantForm%3Aaccount_input=grace.manning%40nhs.net&grantForm%3Apermissions=FULL_ACCESS"
                + "&grantForm%3Areason=crafted&grantForm%3Agrant="
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8)
                + "&primefaces.nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8));
        assertThat(crafted.body()).doesNotContain("pharmacy.fa064@nhs.net");

        HttpClient national = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        national.send(HttpRequest.newBuilder(URI.create(SharedPortal.baseUrl() + "api/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"national\",\"password\":\"" + DemoUsers.PASSWORD + "\",\"code\":\""
                                + DemoUsers.mfaCode("national") + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> bury = national.send(HttpRequest.newBuilder(URI.create(SharedPortal.baseUrl() + "api/premises/FA064"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bury.statusCode()).isEqualTo(200);
        assertThat(bury.body()).contains("\"mailbox\":\"pharmacy.fa064@nhs.net\"").doesNotContain("grace.manning@nhs.net");
    }

    @Test
    void anOwnerSeesTheirOwnPremisesReadOnlyAndNoOneElses() throws Exception {
        signIn("owner.cohens", DemoUsers.PASSWORD);
        HttpResponse<String> own = get("premises.xhtml?ods=FAY70");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Who has access").doesNotContain("grantForm").doesNotContain(":revoke\"")
                .contains("Request a change"); // owners ask; LOAs act
        assertThat(get("premises.xhtml?ods=FM664").statusCode()).isEqualTo(404);
        assertThat(get("directory.xhtml").statusCode()).isEqualTo(404);
        assertThat(get("bulk.xhtml").statusCode()).isEqualTo(404);
    }

    @Test
    void anOwnersExportHoldsOnlyTheirPremises() throws Exception {
        signIn("owner.a1", DemoUsers.PASSWORD);
        HttpResponse<String> csv = get("export/access.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains(".csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).contains("ODS code").contains("NHSmail address");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allMatch(line -> line.startsWith("FM664,"));
        assertThat(csv.body()).contains("asha.aziz@nhs.net");
    }

    @Test
    void anLoasSpreadsheetHoldsOnlyTheirArea() throws Exception {
        signIn("loa.bolton", DemoUsers.PASSWORD);
        HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(URI.create(SharedPortal.baseUrl() + "export/access.xlsx"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        Set<String> bolton = GmPharmacyList.load().stream().filter(p -> p.localAuthorityName().equals("Bolton"))
                .map(GmPharmacy::odsCode).collect(Collectors.toSet());
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ODS code");
            assertThat(sheet.getLastRowNum()).isGreaterThan(100);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(bolton).contains(sheet.getRow(r).getCell(0).getStringCellValue());
            }
        }
    }

    @Test
    void theAuditSearchFindsByPersonAndPremisesWithinScopeOnly() throws Exception {
        signIn("loa.bolton", DemoUsers.PASSWORD);
        List<String> asha = get("export/audit.csv?person=Asha.Aziz@nhs.net").body().lines().skip(1).toList();
        assertThat(asha).isNotEmpty().allMatch(line -> line.contains(",asha.aziz@nhs.net,"));
        // A name as people type it finds the addresses it starts; a wildcard typed is taken as itself.
        List<String> byName = get("export/audit.csv?person=Asha%20Aziz").body().lines().skip(1).toList();
        assertThat(byName).hasSizeGreaterThanOrEqualTo(asha.size()).allMatch(line -> line.contains(",asha.aziz"));
        assertThat(get("export/audit.csv?person=asha_aziz").body().lines().skip(1).toList()).isEmpty();
        assertThat(get("export/audit.csv?person=%25").body().lines().skip(1).toList()).isEmpty();
        List<String> a1 = get("export/audit.csv?ods=FM664&from=2000-01-01").body().lines().skip(1).toList();
        assertThat(a1).isNotEmpty().anyMatch(line -> line.contains("DELEGATION_GRANTED"));
        assertThat(get("export/audit.csv?ods=FFJ22").body().lines().skip(1).toList()).as("Bury is out of scope").isEmpty();
        HttpResponse<String> page = get("audit/log.xhtml");
        assertThat(page.body()).contains("Person (name or NHSmail address, or its start)").containsPattern("[0-9,]+ events found");
    }

    @Test
    void anOwnerHasNoAuditSearch() throws Exception {
        signIn("owner.cohens", DemoUsers.PASSWORD);
        assertThat(get("export/audit.csv").statusCode()).isEqualTo(404);
        assertThat(get("audit/log.xhtml").statusCode()).isEqualTo(404);
    }

    @Test
    void onboardingPagesAreForTheirRolesOnly() throws Exception {
        signIn("loa.gm", DemoUsers.PASSWORD);
        assertThat(get("onboarding/queue.xhtml").statusCode()).isEqualTo(404);
        assertThat(get("onboarding/phases.xhtml").statusCode()).isEqualTo(404);
        assertThat(get("onboarding/register.xhtml").statusCode()).as("LOAs do not register premises").isEqualTo(404);
        assertThat(get("onboarding/legacy.xhtml").statusCode()).isEqualTo(200);
        signIn("owner.cohens", DemoUsers.PASSWORD);
        assertThat(get("onboarding/queue.xhtml").statusCode()).isEqualTo(404);
        assertThat(get("onboarding/legacy.xhtml").statusCode()).isEqualTo(404);
        assertThat(get("onboarding/register.xhtml").statusCode()).isEqualTo(200);
        assertThat(get("export/registration-template.csv").body()).contains("Pharmacy ODS code");
        signIn("national", DemoUsers.PASSWORD);
        HttpResponse<String> phases = get("onboarding/phases.xhtml");
        assertThat(phases.statusCode()).isEqualTo(200);
        assertThat(phases.body()).contains("Lancashire and Manchester").contains("Phase 4");
    }

    @Test
    void anOwnersComplianceReportsHoldOnlyTheirPremises() throws Exception {
        signIn("owner.a1", DemoUsers.PASSWORD);
        for (String report : List.of("gateway", "numsas", "minimum")) {
            HttpResponse<String> csv = get("export/reports/" + report + ".csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            List<String> lines = csv.body().lines().toList();
            assertThat(lines.get(0)).contains("ODS code").contains("Standing");
            assertThat(lines.subList(1, lines.size())).allMatch(line -> line.startsWith("FM664,"));
        }
        assertThat(get("export/reports/gateway.csv").body().lines().skip(1).toList()).hasSize(1);
        signIn("loa.bolton", DemoUsers.PASSWORD);
        Set<String> bolton = GmPharmacyList.load().stream().filter(p -> p.localAuthorityName().equals("Bolton"))
                .map(GmPharmacy::odsCode).collect(Collectors.toSet());
        List<String> rows = get("export/reports/numsas.csv").body().lines().skip(1).toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(73);
        assertThat(rows).filteredOn(line -> bolton.contains(line.substring(0, line.indexOf(',')))).hasSize(73);
        assertThat(rows).allMatch(line -> line.startsWith("F"));
        HttpResponse<String> page = get("reports.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Quality Payments gateway");
    }

    @Test
    void readinessChecksTheDatabase() throws Exception {
        HttpResponse<String> ready = get("health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"name\":\"database\"");
    }

    private void signIn(String username, String password) throws Exception {
        cookies.getCookieStore().removeAll(); // a new session: a test may sign in as several people in turn
        assertThat(postSignInForm(username, password).statusCode()).as("sign-in redirects").isEqualTo(302);
    }

    private HttpResponse<String> postSignInForm(String username, String password) throws Exception {
        HttpResponse<String> page = get("login.xhtml");
        Matcher m = VIEW_STATE.matcher(page.body());
        assertThat(m.find()).as("view state on the sign-in page").isTrue();
        String code = DemoUsers.mfaCode(username);
        return post("login.xhtml", "login=login&login%3Ausername=" + username
                + "&login%3Apassword=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&login%3Acode=" + (code == null ? "" : code)
                + "&login%3AsignIn=&jakarta.faces.ViewState=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8));
    }

    private static HttpClient apiSignedIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(SharedPortal.baseUrl() + "api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + DemoUsers.PASSWORD + "\",\"code\":\"" + DemoUsers.mfaCode(username) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("API sign-in of " + username).isEqualTo(204);
        return client;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(SharedPortal.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(SharedPortal.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionId(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> HttpCookie.parse(c).get(0).getValue()).findFirst().orElseThrow();
    }

    private String currentSessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    private static String stripIds(String html) {
        return html.replaceAll("nonce=\"[^\"]*\"", "").replaceAll("PrimeFaces.csp.init\\('[^']*'\\)", "")
                .replaceAll("value=\"[^\"]*\"", "").replaceAll("viewId:'[^']*'", "");
    }
}
