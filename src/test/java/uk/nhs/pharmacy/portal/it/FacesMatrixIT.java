package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.nhs.pharmacy.portal.it.AuthorisationMatrixIT.Outcome;
import uk.nhs.pharmacy.portal.it.AuthorisationMatrixIT.Who;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix of the screens: each state-changing form × every role and relation to the
 * target (FA064, as in {@link AuthorisationMatrixIT}). A cell is an attack, not a click: each role
 * opens the same page for a premises of its own (where the form may be rendered for it), takes that
 * page's view state, and posts the form's fields against the target's address. The database is read
 * back as the national team: a refused cell must change nothing (a write escape otherwise), and an
 * allowed cell must change something, which proves the crafted post is one the portal acts on.
 */
@ExtendWith(SharedPortal.class)
class FacesMatrixIT {

    private static final String TARGET = "FA064";
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("PrimeFaces.csp.init\\('([^']+)'\\)");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** A premises each role's own page is opened for: the target where the role reaches it. */
    private static final Map<Who, String> OWN_PREMISES = Map.of(
            Who.NATIONAL, TARGET, Who.LOA_IN_SCOPE, TARGET, Who.LOA_OUT_OF_SCOPE, "FM664",
            Who.OWNER_OF_PREMISES, TARGET, Who.OWNER_ELSEWHERE, "FFK43", Who.OTHER_CONTRACTORS_OWNER, "FM664",
            Who.SIGNED_OUT, TARGET);

    /** Someone with access at the target: no answer to a role outside it may name them. */
    private static final String TARGET_SECRET = "luke.bennett2@nhs.net";
    private static final java.util.Set<Who> OUTSIDE = java.util.Set.of(Who.LOA_OUT_OF_SCOPE, Who.OWNER_ELSEWHERE,
            Who.OTHER_CONTRACTORS_OWNER, Who.SIGNED_OUT);

    private static final Map<Who, ApiClient> CLIENTS = new EnumMap<>(Who.class);

    /** The fields a form posts, made fresh for each cell, and what the cell could change. */
    record Form(Map<String, String> fields, Supplier<String> readBack) {
    }

    /** One row: the page (its {@code %s} is the premises), the form, and the outcome for each role. */
    record Row(String action, String page, Supplier<Form> form, Map<Who, Outcome> expected) {
    }

    @BeforeAll
    static void signIn() throws Exception {
        for (Who who : Who.values()) {
            ApiClient client = new ApiClient(SharedPortal.baseUrl());
            if (who.username != null) {
                client.signIn(who.username);
            }
            CLIENTS.put(who, client);
        }
    }

    static List<Row> rows() {
        return List.of(
                new Row("grant access (premises page, grant form)", "premises.xhtml?ods=%s", () -> {
                    String account = freshAccount();
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("grantForm", "grantForm");
                    fields.put("grantForm:account_input", account);
                    fields.put("grantForm:permissions", "FULL_ACCESS");
                    fields.put("grantForm:expiry:input", LocalDate.now().plusDays(9).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
                    fields.put("grantForm:reason", "Faces matrix");
                    fields.put("grantForm:grant", "");
                    return new Form(fields, () -> {
                        String access = national().callQuietly("GET", "premises/" + TARGET);
                        return access.contains("\"" + account + "\"") ? "access for " + account : "none";
                    });
                }, AuthorisationMatrixIT.expect("N=OK LIN=OK LOUT=404 OWN=403 OTHER=404")),
                new Row("create a person's account at the premises (premises page, new account form)", "premises.xhtml?ods=%s", () -> {
                    String lastName = "Faces" + AuthorisationMatrixIT.Fixtures.letters(COUNTER.incrementAndGet() * 7919 + (int) (System.nanoTime() % 10_000));
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("newAccountForm", "newAccountForm");
                    fields.put("newAccountForm:firstName", "Matrix");
                    fields.put("newAccountForm:lastName", lastName);
                    fields.put("newAccountForm:jobRole_input", "DISPENSER");
                    fields.put("newAccountForm:createAccount", "");
                    return new Form(fields, () -> accountsAtTargetNamed(lastName));
                }, AuthorisationMatrixIT.expect("N=OK LIN=OK LOUT=404 OWN=403 OTHER=404")),
                new Row("flag the premises as a NUMSAS provider (premises page, national only)", "premises.xhtml?ods=%s", () -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("numsasForm", "numsasForm");
                    fields.put("numsasForm:toggleNumsas", "");
                    return new Form(fields, () -> pageAsNational("premises.xhtml?ods=" + TARGET).replaceAll("(?s).*<dd id=\"numsas\">([^<]*)<.*", "$1").strip());
                }, AuthorisationMatrixIT.expect("N=OK LIN=403 LOUT=404 OWN=403 OTHER=404")),
                new Row("open a leaver case for someone whose home is the target (leavers page, start form)", "leavers.xhtml", () -> {
                    String account = freshAccount();
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("startForm", "startForm");
                    fields.put("startForm:account_input", account);
                    fields.put("startForm:kind", "LEAVES_NHS");
                    fields.put("startForm:effective:input", LocalDate.now().plusDays(30).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
                    fields.put("startForm:reason", "Faces matrix");
                    fields.put("startForm:start", "");
                    return new Form(fields, () -> national().callQuietly("GET", "leavers?state=all&max=500").contains(account)
                            ? "case for " + account : "none");
                }, AuthorisationMatrixIT.expect("N=OK LIN=OK LOUT=404 OWN=403 OTHER=403")),
                new Row("ask for access at the target (request page, owners)", "request.xhtml?ods=%s&kind=GRANT", () -> {
                    String account = freshAccount();
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("requestForm", "requestForm");
                    fields.put("requestForm:kind", "GRANT");
                    fields.put("requestForm:account_input", account);
                    fields.put("requestForm:permissions", "FULL_ACCESS");
                    fields.put("requestForm:reason", "Faces matrix");
                    fields.put("requestForm:submit", "");
                    return new Form(fields, () -> jakarta.json.Json.createReader(new java.io.StringReader(
                                    national().callQuietly("GET", "requests?max=500").substring(4))).readArray().stream()
                            .map(jakarta.json.JsonValue::asJsonObject)
                            .filter(r -> r.getString("odsCode").equals(TARGET) && r.toString().contains(account))
                            .map(r -> "request " + r.getJsonNumber("id")).collect(Collectors.joining(",", "at the target: [", "]")));
                }, AuthorisationMatrixIT.expect("N=403 LIN=403 LOUT=403 OWN=OK OTHER=404")),
                new Row("save an onboarding phase (phases page, national only)", "onboarding/phases.xhtml", () -> {
                    String name = "Faces phase " + AuthorisationMatrixIT.Fixtures.letters(COUNTER.incrementAndGet() * 104_729 + (int) (System.nanoTime() % 10_000));
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("editForm", "editForm");
                    fields.put("editForm:name", name);
                    fields.put("editForm:startsOn:input", "01/03/2027");
                    fields.put("editForm:endsOn:input", "31/03/2027");
                    fields.put("editForm:areaNames", "Bury");
                    fields.put("editForm:save", "");
                    return new Form(fields, () -> pageAsNational("onboarding/phases.xhtml").contains(name) ? "saved " + name : "none");
                }, AuthorisationMatrixIT.expect("N=OK LIN=403 LOUT=403 OWN=403 OTHER=403")),
                new Row("issue a token to an HR system (HR systems page, national only)", "hr-systems.xhtml", () -> {
                    String name = "Faces HR " + AuthorisationMatrixIT.Fixtures.letters(COUNTER.incrementAndGet() * 104_729 + (int) (System.nanoTime() % 10_000));
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("issueForm", "issueForm");
                    fields.put("issueForm:name", name);
                    fields.put("issueForm:scope", "E08000002");
                    fields.put("issueForm:issue", "");
                    return new Form(fields, () -> national().callQuietly("GET", "hr-tokens?max=500").contains(name) ? "issued " + name : "none");
                }, AuthorisationMatrixIT.expect("N=OK LIN=403 LOUT=403 OWN=403 OTHER=403")),
                new Row("give the newest HR system's token a new secret (HR systems page, national only)", "hr-systems.xhtml", () -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("tokensForm", "tokensForm");
                    fields.put("tokensForm:tokens:0:rotate", "");
                    return new Form(fields, () -> national().callQuietly("GET", "hr-tokens?max=1"));
                }, AuthorisationMatrixIT.expect("N=OK LIN=403 LOUT=403 OWN=403 OTHER=403")),
                new Row("add a secure domain (safe sending page, open to all; the national team edits)", "safe-sending.xhtml", () -> {
                    String domain = "faces" + AuthorisationMatrixIT.Fixtures.letters(COUNTER.incrementAndGet() * 104_729
                            + (int) (System.nanoTime() % 10_000)).toLowerCase() + ".gov.uk";
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("addForm", "addForm");
                    fields.put("addForm:domain", domain);
                    fields.put("addForm:reason", "Faces matrix");
                    fields.put("addForm:add", "");
                    return new Form(fields, () -> national().callQuietly("GET", "secure-domains").contains(domain) ? "listed " + domain : "none");
                }, AuthorisationMatrixIT.expect("N=OK LIN=403 LOUT=403 OWN=403 OTHER=403")),
                new Row("save the target's contractor's disclosure details (contractor page)",
                        "contractor.xhtml?ods=" + HrSystems.contractorCode("Cohens Chemist"), () -> {
                    String name = "Cohens Chemist Ltd " + AuthorisationMatrixIT.Fixtures.letters(COUNTER.incrementAndGet() * 104_729
                            + (int) (System.nanoTime() % 10_000));
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("disclosureForm", "disclosureForm");
                    fields.put("disclosureForm:legalForm", "COMPANY");
                    fields.put("disclosureForm:registeredName", name);
                    fields.put("disclosureForm:save", "");
                    return new Form(fields, () -> national().callQuietly("GET", "contractors/" + HrSystems.contractorCode("Cohens Chemist")
                            + "/disclosure").contains(name) ? "saved " + name : "none");
                }, AuthorisationMatrixIT.expect("N=OK LIN=OK LOUT=OK OWN=OK ELSE=404 OTHER=404")),
                new Row("start an access review over the target (access reviews page, start form)", "reviews.xhtml", () -> {
                    String name = "Faces review " + AuthorisationMatrixIT.Fixtures.letters(COUNTER.incrementAndGet() * 104_729
                            + (int) (System.nanoTime() % 10_000));
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("startForm", "startForm");
                    fields.put("startForm:name", name);
                    fields.put("startForm:scope", TARGET);
                    fields.put("startForm:startsOn:input", LocalDate.now().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
                    fields.put("startForm:deadline:input", LocalDate.now().plusDays(28).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
                    fields.put("startForm:atDeadline", "KEEP_AND_FLAG");
                    fields.put("startForm:create", "");
                    return new Form(fields, () -> national().callQuietly("GET", "reviews?max=1000").contains("\"" + name + "\"") ? "started " + name : "none");
                }, AuthorisationMatrixIT.expect("N=OK LIN=OK LOUT=404 OWN=403 OTHER=404")),
                new Row("appoint a deputy for loa.gm over the target (deputies page; an LOA for themselves, the national team for any LOA)",
                        "deputies.xhtml", () -> {
                    String reason = "Faces leave " + AuthorisationMatrixIT.Fixtures.letters(COUNTER.incrementAndGet() * 104_729
                            + (int) (System.nanoTime() % 10_000));
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("appointForm", "appointForm");
                    fields.put("appointForm:absent", "loa.gm");
                    fields.put("appointForm:deputyName", "loa.salford");
                    fields.put("appointForm:deputy", "loa.salford");
                    fields.put("appointForm:firstDay:input", LocalDate.now().plusDays(20).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
                    fields.put("appointForm:lastDay:input", LocalDate.now().plusDays(25).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
                    fields.put("appointForm:part", TARGET);
                    fields.put("appointForm:reason", reason);
                    fields.put("appointForm:appoint", "");
                    return new Form(fields, () -> national().callQuietly("GET", "deputies?show=ALL&max=1000").contains("\"" + reason + "\"")
                            ? "appointed " + reason : "none");
                }, AuthorisationMatrixIT.expect("N=OK LIN=OK LOUT=404 OWN=403 OTHER=403")),
                new Row("keep every access recommended keep (a fresh review of the target, worklist)", "review-premises.xhtml?id={campaign}&ods=%s", () -> {
                    long campaign = freshReviewWithALineToKeep();
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("worklistForm", "worklistForm");
                    fields.put("worklistForm:keepRecommended", "");
                    return new Form(fields, () -> String.valueOf(national().callQuietly("GET", "reviews/" + campaign + "/premises/" + TARGET)
                            .split("\"decision\":\"KEEP\"", -1).length - 1) + " kept");
                }, AuthorisationMatrixIT.expect("N=OK LIN=OK LOUT=404 OWN=OK OTHER=404")));
    }

    /** The campaign the current review row's cell posts to: {@code {campaign}} in its page. */
    private static long currentCampaign;

    /** A fresh access to the target (recommended keep: recent, with a last day), then a fresh campaign over the target. */
    private static long freshReviewWithALineToKeep() {
        try {
            String account = freshAccount();
            national().expect(201, "POST", "delegations", "{\"odsCode\":\"" + TARGET + "\",\"account\":\"" + account
                    + "\",\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"lastDay\":\"" + LocalDate.now().plusDays(9) + "\",\"reason\":\"Faces matrix\"}");
            currentCampaign = national().expect(201, "POST", "reviews", "{\"name\":\"Faces keep " + COUNTER.incrementAndGet()
                    + "\",\"scope\":[\"" + TARGET + "\"],\"startsOn\":\"" + LocalDate.now() + "\",\"deadline\":\""
                    + LocalDate.now().plusDays(28) + "\",\"atDeadline\":\"KEEP_AND_FLAG\"}").getJsonNumber("id").longValue();
            return currentCampaign;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyFormAnswersEachRoleAsTheTableSays() throws Exception {
        List<String> escapes = new ArrayList<>();
        int cells = 0;
        for (Row row : rows()) {
            for (Who who : Who.values()) {
                cells++;
                Outcome expected = row.expected().get(who);
                Form form = row.form().get();
                String before = form.readBack().get() + " | " + auditRowsOfTarget();
                HttpResponse<String> answer = attack(CLIENTS.get(who), row.page(), OWN_PREMISES.get(who), form.fields());
                String after = form.readBack().get() + " | " + auditRowsOfTarget();
                String cell = row.action() + " as " + who + " (expected " + expected + ", got " + answer.statusCode() + ")";
                if (expected == Outcome.OK) {
                    if (before.equals(after)) {
                        escapes.add(cell + " -- the post changed nothing, so the refusals of this row prove nothing: "
                                + messages(answer.body()));
                    }
                } else if (!before.equals(after)) {
                    escapes.add(cell + " -- WRITE ESCAPE: " + abbreviate(before) + " became " + abbreviate(after));
                }
                if (OUTSIDE.contains(who) && answer.body().contains(TARGET_SECRET)) {
                    escapes.add(cell + " -- READ ESCAPE: the answer shows " + TARGET_SECRET);
                }
            }
        }
        System.out.println("Authorisation matrix (Faces): " + rows().size() + " rows, " + cells + " cells, "
                + escapes.size() + " escapes");
        assertThat(escapes).as("cells that did not answer as the table says").isEmpty();
    }

    /** Opens the page for the role's own premises and posts the form against the target's. */
    private static HttpResponse<String> attack(ApiClient client, String page, String ownPremises, Map<String, String> fields)
            throws Exception {
        page = page.replace("{campaign}", String.valueOf(currentCampaign));
        HttpResponse<String> donor = client.page(page.formatted(ownPremises));
        StringBuilder body = new StringBuilder(fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&")));
        Matcher viewState = VIEW_STATE.matcher(donor.body());
        if (viewState.find()) {
            body.append("&jakarta.faces.ViewState=").append(encode(viewState.group(1)));
        }
        Matcher nonce = NONCE.matcher(donor.body());
        if (nonce.find()) {
            body.append("&primefaces.nonce=").append(encode(nonce.group(1)));
        }
        return client.postForm(page.formatted(TARGET), body.toString());
    }

    /** Accounts with this last name whose home is the target, as the national team finds them. */
    private static String accountsAtTargetNamed(String lastName) {
        String targetName = jakarta.json.Json.createReader(new java.io.StringReader(
                national().callQuietly("GET", "premises/" + TARGET).substring(4))).readObject().getString("name");
        var found = jakarta.json.Json.createReader(new java.io.StringReader(
                national().callQuietly("GET", "accounts?q=" + lastName.toLowerCase()).substring(4))).readArray();
        return found.stream().map(a -> a.asJsonObject().getString("address"))
                .filter(address -> national().callQuietly("GET", "accounts/" + address).contains("\"home\":\"" + targetName + "\""))
                .collect(Collectors.joining(",", "at the target: [", "]"));
    }

    /** The rows of the target's audit trail, as the national team exports it: every change there adds some. */
    private static long auditRowsOfTarget() {
        return pageAsNational("export/audit.csv?ods=" + TARGET + "&from=2000-01-01").lines().count();
    }

    private static String pageAsNational(String path) {
        try {
            HttpResponse<String> page = national().page(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            return page.body();
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    private static ApiClient national() {
        return CLIENTS.get(Who.NATIONAL);
    }

    private static String freshAccount() {
        try {
            return national().expect(201, "POST", "accounts", "{\"homeOdsCode\":\"" + TARGET + "\",\"firstName\":\"Faces\","
                    + "\"lastName\":\"Person" + AuthorisationMatrixIT.Fixtures.letters(COUNTER.incrementAndGet() * 31 + (int) (System.nanoTime() % 100_000))
                    + "\",\"jobRole\":\"LOCUM_PHARMACIST\",\"mobileDevice\":false}").getString("address");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messages(String page) {
        Matcher m = Pattern.compile("ui-messages-[a-z]+-summary\">([^<]*)<").matcher(page);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found.isEmpty() ? abbreviate(page) : found.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
