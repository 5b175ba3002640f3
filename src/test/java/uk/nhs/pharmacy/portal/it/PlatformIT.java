package uk.nhs.pharmacy.portal.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.demo.GmPharmacy;
import uk.nhs.pharmacy.portal.demo.GmPharmacyList;

import java.io.File;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access changes reach a real Dovecot on loopback: a delegate opens the shared mailbox with their
 * own password after a grant, is cut off (even mid-session) after a revoke or a leaver case, changes
 * made while Dovecot is down arrive in order when it returns, and drift made behind the portal's
 * back is found and repaired. The portal runs as its own instance with {@code platform.kind=dovecot}.
 */
class PlatformIT {

    private static final int PORT = PortalServer.freePort();
    private static final String LEO = "leo.lindqvist@nhs.net";
    private static final String LEO_PASSWORD = "leo-own-password";
    private static final int SOCKETMAP_PORT = 18099;
    private static DovecotServer dovecot;
    private static PostfixServer postfix;
    private static Process portal;
    private static ApiClient api;
    private static final List<String> COHENS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Prerequisites.onceInTheH2Pass("PlatformIT (an H2 file of its own)");
        Prerequisites.requireDovecot();
        Map<String, String> users = new LinkedHashMap<>();
        users.put(LEO, LEO_PASSWORD);
        users.put("pharmacy.fxj72@nhs.net", "nobody-knows-" + System.nanoTime());
        for (GmPharmacy p : GmPharmacyList.load()) {
            if (p.tradingName().strip().equals("Cohens Chemist")) {
                COHENS.add(p.odsCode().toUpperCase(Locale.ROOT));
                users.put("pharmacy." + p.odsCode().toLowerCase(Locale.ROOT) + "@nhs.net", "nobody-knows-" + System.nanoTime());
            }
        }
        dovecot = new DovecotServer().start(users);
        Path data = Path.of("target/it-data-platform");
        portal = PortalServer.start(PORT, data, "jdbc:h2:file:" + data.toAbsolutePath() + "/portal;MODE=LEGACY",
                "org.h2.jdbcx.JdbcDataSource", "sa", "portal-demo",
                List.of("-Dplatform.kind=dovecot", "-Dplatform.imap.port=" + DovecotServer.PORT,
                        "-Dplatform.master.user=" + DovecotServer.MASTER,
                        "-Dplatform.master.password=" + DovecotServer.MASTER_PASSWORD,
                        "-Dplatform.doveadm=" + dovecot.doveadm(), "-Dplatform.backoff.millis=200",
                        "-Dplatform.lastLogin.dict=" + dovecot.lastLoginDict(), "-Dportal.signIns.seconds=1",
                        "-Dplatform.socketmap.port=" + SOCKETMAP_PORT),
                new File("target/it-portal-platform.log"));
        api = new ApiClient("http://127.0.0.1:" + PORT + "/");
        api.signIn("national");
        if (PostfixServer.installed()) {
            postfix = new PostfixServer().start(DovecotServer.AUTH_PORT, SOCKETMAP_PORT, true);
        }
    }

    @AfterAll
    static void stop() {
        if (postfix != null) {
            postfix.close();
        }

        if (portal != null) {
            PortalServer.stop(portal);
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    /** A test starts only once Dovecot takes logins: the outage test's restart must be over first. */
    @BeforeEach
    void dovecotTakesLogins() throws Exception {
        dovecot.awaitLogin();
    }

    /**
     * Waits until every change the last test made has reached Dovecot. A revoke ends with a kick of
     * all the delegate's sessions; one arriving late would cut off the next test's fresh session.
     */
    @AfterEach
    void settle() throws Exception {
        List<String> premises = new ArrayList<>(COHENS);
        premises.add("FXJ72");
        Instant start = Instant.now();
        for (String ods : premises) {
            while (provisioning(ods).getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("state").equals("PENDING"))) {
                assertThat(Duration.between(start, Instant.now())).as("events of " + ods + " still pending")
                        .isLessThan(Duration.ofSeconds(20));
                Thread.sleep(50);
            }
        }
    }

    private static Store leoSession() throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "3000");
        properties.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", DovecotServer.PORT, LEO, LEO_PASSWORD);
        return store;
    }

    /** Opens the shared mailbox as Leo; true if he may. */
    private static boolean leoCanOpen(String mailbox) throws MessagingException {
        try (Store store = leoSession()) {
            Folder folder = store.getFolder("shared/" + mailbox);
            folder.open(Folder.READ_ONLY);
            folder.getMessageCount();
            folder.close(false);
            return true;
        } catch (FolderNotFoundException e) {
            return false;
        } catch (MessagingException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("cannot contain messages") || message.contains("doesn't exist")) {
                return false; // no rights on the mailbox: Dovecot shows a placeholder, or nothing, to this user
            }
            throw e;
        }
    }

    /** Leo's answer, asked again if Dovecot closed the probing session itself (a late kick meant for an older one). */
    private static boolean leoCanOpenRetrying(String mailbox) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return leoCanOpen(mailbox);
            } catch (jakarta.mail.FolderClosedException | jakarta.mail.StoreClosedException e) {
                System.out.println("Probe session closed by Dovecot (" + e.getMessage() + "); asking again");
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static long untilLeoCanOpen(String mailbox, boolean expected) throws Exception {
        Instant start = Instant.now();
        while (leoCanOpenRetrying(mailbox) != expected) {
            assertThat(Duration.between(start, Instant.now())).as("the platform should follow the portal")
                    .isLessThan(Duration.ofSeconds(10));
            Thread.sleep(5);
        }
        return Duration.between(start, Instant.now()).toMillis();
    }

    private static JsonObject grant(String ods, String permissions, boolean owner) throws Exception {
        return api.expect(201, "POST", "delegations", "{\"odsCode\":\"" + ods + "\",\"account\":\"" + LEO
                + "\",\"permissions\":[" + permissions + "],\"owner\":" + owner + ",\"reason\":\"Platform test\"}");
    }

    private static void revoke(JsonObject access) throws Exception {
        api.expect(200, "POST", "delegations/" + access.getJsonNumber("id").longValue() + "/revoke",
                "{\"reason\":\"Platform test\",\"confirm\":true}");
    }

    private static JsonArray provisioning(String ods) throws Exception {
        return jakarta.json.Json.createReader(new StringReader(api.call("GET", "premises/" + ods + "/provisioning", null).body()))
                .readArray();
    }

    @Test
    void aGrantOpensTheMailboxForTheDelegateAndARevokeClosesEvenAnOpenSession() throws Exception {
        String mailbox = "pharmacy.fxj72@nhs.net";
        JsonObject access = grant("FXJ72", "\"FULL_ACCESS\"", false);
        long grantMillis = untilLeoCanOpen(mailbox, true);
        System.out.println("Grant reached Dovecot within " + grantMillis + " ms of the API answering");

        try (Store open = leoSession()) {
            Folder inbox = open.getFolder("shared/" + mailbox);
            inbox.open(Folder.READ_ONLY);
            inbox.getMessageCount(); // the session is alive just before the revoke: a cut-off below is the revoke's
            revoke(access);
            long revokeMillis = untilLeoCanOpen(mailbox, false);
            System.out.println("Revoke reached Dovecot within " + revokeMillis + " ms of the API answering");
            Instant start = Instant.now();
            boolean cutOff = false;
            while (!cutOff && Duration.between(start, Instant.now()).toSeconds() < 10) {
                try {
                    inbox.getMessageCount();
                    inbox.getMessage(1);
                    Thread.sleep(20);
                } catch (MessagingException | IndexOutOfBoundsException | IllegalStateException e) {
                    cutOff = !open.isConnected() || !inbox.isOpen() || e instanceof jakarta.mail.FolderClosedException
                            || e instanceof jakarta.mail.StoreClosedException;
                }
                if (!open.isConnected() || !inbox.isOpen()) {
                    cutOff = true;
                }
            }
            assertThat(cutOff).as("the session that had the mailbox open was disconnected").isTrue();
        }
        assertThat(provisioning("FXJ72").getValuesAs(JsonObject.class)).filteredOn(e -> LEO.equals(e.getString("account", "")))
                .allMatch(e -> e.getString("state").equals("APPLIED"));
    }

    /** Postfix is needed; Leo is given Send As on the premises; its mailbox's address. */
    private static String sendingAs(String ods) throws Exception {
        Prerequisites.requirePostfix();
        grant(ods, "\"FULL_ACCESS\",\"SEND_AS\"", false);
        return "pharmacy." + ods.toLowerCase(Locale.ROOT) + "@nhs.net";
    }

    /** An SMTP session to the test Postfix that authenticates and uses {@code from} as the envelope sender. */
    private static Session smtp(String from) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(PostfixServer.PORT));
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.from", from);
        properties.put("mail.smtp.connectiontimeout", "3000");
        return Session.getInstance(properties);
    }

    /** Sends one message through Postfix as Leo with {@code from} as the envelope sender; null if accepted, else the refusal. */
    private static String sendAs(String from) throws Exception {
        return sendAs(from, "gp.surgery@example.org", "Prescription query", "Sent from the pharmacy's shared address.");
    }

    private static String sendAs(String from, String to, String subject, String text) throws Exception {
        Session session = smtp(from);
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(session);
        message.setFrom(new jakarta.mail.internet.InternetAddress(from));
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new jakarta.mail.internet.InternetAddress(to));
        message.setSubject(subject);
        message.setText(text);
        try (jakarta.mail.Transport transport = session.getTransport("smtp")) {
            connect(transport);
            transport.sendMessage(message, message.getAllRecipients());
            return null;
        } catch (jakarta.mail.SendFailedException e) {
            return String.valueOf(e.getMessage()) + " " + (e.getNextException() == null ? "" : e.getNextException().getMessage());
        }
    }

    /**
     * What Postfix sent out to an address (its envelope recipient), containing a text (a subject),
     * waiting up to 20 s for the first.
     */
    private static List<String> relayed(String to, String subject) throws Exception {
        Instant until = Instant.now().plusSeconds(20);
        List<String> found;
        do {
            found = postfix.delivered().stream().filter(m -> m.startsWith("X-Envelope-To: " + to + "\n"))
                    .filter(m -> m.contains(subject)).toList();
            if (found.isEmpty()) {
                Thread.sleep(200);
            }
        } while (found.isEmpty() && Instant.now().isBefore(until));
        return found;
    }

    /**
     * The secure-recipient check, applied by Postfix's content filter as the premises' delegate sends:
     * an NHS number to a domain outside the list is refused with a bounce that names the recipient and
     * why, and counted on the premises; the same to nhs.net goes, and so do ten digits that fail the
     * Modulus 11 check, and a person's own mail.
     */
    @Test
    void anNhsNumberCannotLeaveAPremisesMailboxForAnInsecureDomain() throws Exception {
        String ods = COHENS.get(4);
        String shared = sendingAs(ods);
        long refusedBefore = api.expect(200, "GET", "premises/" + ods, null).getJsonNumber("refusedMail30Days").longValue();
        String tag = " " + System.nanoTime();

        assertThat(sendAs(shared, "someone@example.com", "Repeat prescription" + tag, "Patient 943 476 5919 needs a repeat."))
                .as("accepted by Postfix, then checked").isNull();
        List<String> bounces = relayed(shared, "Undelivered Mail Returned to Sender");
        assertThat(bounces).as("a bounce to the premises mailbox; Postfix's log:\n" + postfix.log()).isNotEmpty();
        assertThat(bounces).anySatisfy(b -> assertThat(b.replaceAll("\\s+", " ")).contains("Not sent to someone@example.com")
                .contains("example.com is not a secure domain for patient data").contains("carries an NHS number")
                .contains("Repeat prescription" + tag));
        assertThat(relayed("someone@example.com", "Repeat prescription" + tag)).as("nothing reached example.com").isEmpty();
        assertThat(api.expect(200, "GET", "premises/" + ods, null).getJsonNumber("refusedMail30Days").longValue())
                .as("counted for the premises").isEqualTo(refusedBefore + 1);

        assertThat(sendAs(shared, "gp.practice@nhs.net", "To the practice" + tag, "Patient 9434765919 needs a repeat.")).isNull();
        assertThat(relayed("gp.practice@nhs.net", "To the practice" + tag)).as("nhs.net is secure").hasSize(1);
        assertThat(sendAs(shared, "custody@met.police.uk", "To custody" + tag, "Patient 9434765919.")).isNull();
        assertThat(relayed("custody@met.police.uk", "To custody" + tag)).as("a subdomain of police.uk").hasSize(1);
        assertThat(sendAs(shared, "someone@example.com", "Order number" + tag, "Order 943 476 5918 is ready.")).isNull();
        assertThat(relayed("someone@example.com", "Order number" + tag)).as("ten digits that fail Modulus 11").hasSize(1);
        assertThat(sendAs(LEO, "someone@example.com", "Personal" + tag, "My own NHS number is 943 476 5919.")).isNull();
        assertThat(relayed("someone@example.com", "Personal" + tag)).as("a person's own mail is not the premises'").hasSize(1);
    }

    /**
     * Signs in to Postfix as Leo. After a test restarted Dovecot, an smtpd process that kept its old
     * connection to Dovecot's auth service answers 454 (temporary) once, then reconnects: a mail
     * client tries again, and so does this.
     */
    private static void connect(jakarta.mail.Transport transport) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                transport.connect(LEO, LEO_PASSWORD);
                return;
            } catch (jakarta.mail.AuthenticationFailedException e) {
                if (attempt == 5 || !String.valueOf(e.getMessage()).contains("454")) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    /** Sends a text and HTML message (multipart/alternative) as Leo with {@code from} as the envelope sender and From:. */
    private static void sendBoth(String from, String to, String subject, String text, String html) throws Exception {
        Session session = smtp(from);
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(session);
        message.setFrom(new jakarta.mail.internet.InternetAddress(from));
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new jakarta.mail.internet.InternetAddress(to));
        message.setSubject(subject);
        jakarta.mail.internet.MimeMultipart alternative = new jakarta.mail.internet.MimeMultipart("alternative");
        jakarta.mail.internet.MimeBodyPart plain = new jakarta.mail.internet.MimeBodyPart();
        plain.setText(text, "UTF-8");
        jakarta.mail.internet.MimeBodyPart rich = new jakarta.mail.internet.MimeBodyPart();
        rich.setContent(html, "text/html; charset=UTF-8");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        message.setContent(alternative);
        try (jakarta.mail.Transport transport = session.getTransport("smtp")) {
            connect(transport);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** The text and HTML parts of a delivered message, decoded, one after the other. */
    private static String decoded(String delivered) throws Exception {
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(delivered.substring(delivered.indexOf('\n') + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        StringBuilder out = new StringBuilder();
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                out.append("[").append(multipart.getBodyPart(i).getContentType()).append("]\n")
                        .append(multipart.getBodyPart(i).getContent()).append("\n");
            }
        } else {
            out.append("[").append(message.getContentType()).append("]\n").append(content);
        }
        return out.toString();
    }

    /**
     * The legal footer: mail sent as the premises gets its contractor's footer (from the details the
     * portal holds) in the text and the HTML part; a reply that already carries it gets no second one;
     * a person's own mail gets none.
     */
    @Test
    void mailSentAsThePremisesCarriesTheContractorsFooterOnce() throws Exception {
        String ods = COHENS.get(6);
        String shared = sendingAs(ods);
        String contractor = HrSystems.contractorCode("Cohens Chemist");
        JsonObject saved = api.expect(200, "PUT", "contractors/" + contractor + "/disclosure", "{\"legalForm\":\"COMPANY\","
                + "\"registeredName\":\"Cohens Chemist Ltd\",\"companyNumber\":\"01234567\",\"placeOfRegistration\":"
                + "\"England and Wales\",\"registeredOffice\":\"1 High Street, Bury BL9 0SN\"}");
        String footer = saved.getString("footer");
        assertThat(footer).contains("Cohens Chemist Ltd").contains("01234567");
        String tag = " " + System.nanoTime();

        sendBoth(shared, "gp.practice@nhs.net", "Footer" + tag, "Your patient's repeat is ready.",
                "<html><body><p>Your patient's repeat is ready.</p></body></html>");
        List<String> delivered = relayed("gp.practice@nhs.net", "Footer" + tag);
        assertThat(delivered).hasSize(1);
        String parts = decoded(delivered.get(0));
        assertThat(parts).contains("[text/plain").contains("[text/html");
        String plain = parts.substring(parts.indexOf("[text/plain"), parts.indexOf("[text/html"));
        String html = parts.substring(parts.indexOf("[text/html"));
        assertThat(plain).contains(footer);
        assertThat(html.replace("&#x27;", "'")).contains("Cohens Chemist Ltd, a company registered in England and Wales, company number 01234567");

        sendAs(shared, "gp.practice@nhs.net", "Re: Footer" + tag, "Thanks.\n\n> Your patient's repeat is ready.\n> -- \n> " + footer);
        String reply = decoded(relayed("gp.practice@nhs.net", "Re: Footer" + tag).get(0));
        assertThat(reply.split(java.util.regex.Pattern.quote("company number 01234567"), -1)).as("one footer only: " + reply).hasSize(2);

        sendAs(LEO, "gp.practice@nhs.net", "Personal" + tag, "From Leo himself.");
        assertThat(decoded(relayed("gp.practice@nhs.net", "Personal" + tag).get(0))).as("personal mail").doesNotContain("01234567");
    }

    /** The portal away: the filter cannot ask, so the mail waits in Postfix's queue, and goes once it answers again. */
    @Test
    void withThePortalAwayMailFromAPremisesWaitsAndGoesWhenItIsBack() throws Exception {
        String ods = COHENS.get(5);
        String shared = sendingAs(ods);
        String subject = "While the portal is away " + System.nanoTime();
        postfix.askPortalAt(PortalServer.freePort());
        try {
            assertThat(sendAs(shared, "gp.practice@nhs.net", subject, "Nothing sensitive.")).isNull();
            Instant until = Instant.now().plusSeconds(20);
            while (!postfix.queue().contains("gp.practice@nhs.net") && Instant.now().isBefore(until)) {
                Thread.sleep(200);
            }
            assertThat(postfix.queue()).as("deferred, not dropped").contains("gp.practice@nhs.net");
            assertThat(relayed("gp.practice@nhs.net", subject)).as("not sent unchecked").isEmpty();
        } finally {
            postfix.askPortalAt(SOCKETMAP_PORT);
        }
        postfix.flush();
        assertThat(relayed("gp.practice@nhs.net", subject)).as("delivered once the portal answers").hasSize(1);
    }

    @Test
    void sendAsIsEnforcedByPostfixFromThePortalsOwnDataWithNothingToReload() throws Exception {
        Prerequisites.requirePostfix();
        String ods = COHENS.get(3);
        String shared = "pharmacy." + ods.toLowerCase(Locale.ROOT) + "@nhs.net";
        assertThat(sendAs(shared)).as("before any grant").contains("not owned by user");
        assertThat(sendAs(LEO)).as("his own address").isNull();
        JsonObject access = grant(ods, "\"FULL_ACCESS\",\"SEND_AS\"", false);
        assertThat(sendAs(shared)).as("after a Send As grant").isNull();
        revoke(access);
        assertThat(sendAs(shared)).as("after the revoke").contains("not owned by user");
        grant(ods, "\"FULL_ACCESS\"", false);
        assertThat(sendAs(shared)).as("Full Access alone is not Send As").contains("not owned by user");
    }

    @Test
    void changesMadeWhileDovecotIsDownArriveInOrderExactlyOnceWhenItReturns() throws Exception {
        String ods = COHENS.get(0);
        String mailbox = "pharmacy." + ods.toLowerCase(Locale.ROOT) + "@nhs.net";
        int before = provisioning(ods).size();
        dovecot.stop();
        try {
            JsonObject first = grant(ods, "\"FULL_ACCESS\"", false);
            api.expect(200, "PUT", "delegations/" + first.getJsonNumber("id").longValue(), "{\"version\":"
                    + first.getJsonNumber("version").longValue() + ",\"permissions\":[\"FULL_ACCESS\"],\"owner\":true,"
                    + "\"reason\":\"Now runs it\"}");
            JsonObject changed = api.expect(200, "GET", "premises/" + ods, null).getJsonArray("access")
                    .getValuesAs(JsonObject.class).stream().filter(a -> a.getString("account").equals(LEO)).findFirst().orElseThrow();
            revoke(changed);
            grant(ods, "\"FULL_ACCESS\",\"SEND_AS\"", false);
            Thread.sleep(1_500); // the dispatcher tries, fails and backs off
            List<JsonObject> waiting = provisioning(ods).getValuesAs(JsonObject.class).subList(0, provisioning(ods).size() - before);
            assertThat(waiting).hasSize(4).allMatch(e -> e.getString("state").equals("PENDING"));
            assertThat(waiting.get(waiting.size() - 1).getInt("attempts")).as("the first change was tried").isGreaterThan(0);
        } finally {
            dovecot.restart();
        }
        untilLeoCanOpen(mailbox, true);
        Instant start = Instant.now();
        List<JsonObject> events;
        do {
            Thread.sleep(100);
            events = provisioning(ods).getValuesAs(JsonObject.class).subList(0, provisioning(ods).size() - before);
        } while (events.stream().anyMatch(e -> !e.getString("state").equals("APPLIED"))
                && Duration.between(start, Instant.now()).toSeconds() < 15);
        List<JsonObject> oldestFirst = new ArrayList<>(events);
        java.util.Collections.reverse(oldestFirst);
        assertThat(oldestFirst).extracting(e -> e.getString("kind"))
                .containsExactly("ACCESS_GRANTED", "ACCESS_CHANGED", "ACCESS_REVOKED", "ACCESS_GRANTED");
        assertThat(oldestFirst).allMatch(e -> e.getString("state").equals("APPLIED"));
        for (int i = 1; i < oldestFirst.size(); i++) {
            assertThat(Instant.parse(oldestFirst.get(i).getString("appliedAt"))).as("applied in the order written")
                    .isAfterOrEqualTo(Instant.parse(oldestFirst.get(i - 1).getString("appliedAt")));
        }
        String acl = dovecot.doveadm("acl", "get", "-u", mailbox, "INBOX");
        assertThat(acl).contains("user=" + LEO).doesNotContain("admin"); // the last state: Full Access, not owner
    }

    @Test
    void driftMadeBehindThePortalsBackIsReportedAndRepairedWhenAsked() throws Exception {
        String ods = COHENS.get(1);
        String mailbox = "pharmacy." + ods.toLowerCase(Locale.ROOT) + "@nhs.net";
        grant(ods, "\"FULL_ACCESS\"", false);
        untilLeoCanOpen(mailbox, true);
        dovecot.doveadm("acl", "set", "-u", mailbox, "INBOX", "user=intruder@nhs.net", "lookup", "read");
        dovecot.doveadm("acl", "delete", "-u", mailbox, "INBOX", "user=" + LEO);

        String report = api.call("POST", "premises/" + ods + "/reconcile", null).body();
        assertThat(report).contains("intruder@nhs.net").contains(LEO);
        assertThat(dovecot.doveadm("acl", "get", "-u", mailbox, "INBOX")).contains("intruder@nhs.net");

        var repaired = api.call("POST", "premises/" + ods + "/reconcile?repair=true", null);
        assertThat(repaired.statusCode()).as(repaired.body()).isEqualTo(200);
        assertThat(repaired.body()).as("the repair reports what it put right").contains("intruder@nhs.net");
        String after = dovecot.doveadm("acl", "get", "-u", mailbox, "INBOX");
        assertThat(after).doesNotContain("intruder@nhs.net").contains("user=" + LEO);
        assertThat(api.call("POST", "premises/" + ods + "/reconcile", null).body()).isEqualTo("[]");
    }

    @Test
    void aLocumWith20GrantsMadeALeaverLosesAll20OnThePlatform() throws Exception {
        String locum = api.expect(201, "POST", "accounts", "{\"homeOdsCode\":\"" + COHENS.get(2) + "\",\"firstName\":\"Twenty\","
                + "\"lastName\":\"Platformlocum\",\"jobRole\":\"LOCUM_PHARMACIST\",\"mobileDevice\":false}").getString("address");
        List<String> granted = new ArrayList<>();
        for (String ods : COHENS.subList(2, COHENS.size())) {
            if (granted.size() == 20) {
                break;
            }
            var response = api.call("POST", "delegations", "{\"odsCode\":\"" + ods + "\",\"account\":\"" + locum
                    + "\",\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"reason\":\"Cover\"}");
            if (response.statusCode() == 201) {
                granted.add("pharmacy." + ods.toLowerCase(Locale.ROOT) + "@nhs.net");
            }
        }
        assertThat(granted).hasSize(20);
        awaitAcl(granted, locum, true);
        api.expect(201, "POST", "leavers", "{\"account\":\"" + locum + "\",\"kind\":\"nhs\",\"reason\":\"Left the NHS\"}");
        awaitAcl(granted, locum, false);
    }

    private static void awaitAcl(List<String> mailboxes, String person, boolean present) throws Exception {
        Instant start = Instant.now();
        for (String mailbox : mailboxes) {
            while (dovecot.doveadm("acl", "get", "-u", mailbox, "INBOX").contains("user=" + person) != present) {
                assertThat(Duration.between(start, Instant.now())).as(mailbox).isLessThan(Duration.ofSeconds(20));
                Thread.sleep(50);
            }
        }
    }

    @Test
    void aReviewerSeesWhenTheDelegateLastSignedInOverImap() throws Exception {
        String ods = COHENS.get(7);
        grant(ods, "\"FULL_ACCESS\"", false);
        try (Store signedIn = leoSession()) {
            assertThat(signedIn.isConnected()).isTrue();
        }
        Instant signedInAbout = Instant.now();
        long campaign = api.expect(201, "POST", "reviews", "{\"name\":\"Platform review\",\"scope\":[\"" + ods + "\"],\"startsOn\":\""
                + java.time.LocalDate.now() + "\",\"deadline\":\"" + java.time.LocalDate.now().plusDays(14)
                + "\",\"atDeadline\":\"KEEP_AND_FLAG\"}").getJsonNumber("id").longValue();
        Instant start = Instant.now();
        JsonObject leo;
        do {
            leo = jakarta.json.Json.createReader(new java.io.StringReader(api.call("GET", "reviews/" + campaign + "/premises/" + ods, null).body()))
                    .readArray().getValuesAs(JsonObject.class).stream().filter(l -> l.getString("address").equals(LEO)).findFirst().orElseThrow();
            assertThat(Duration.between(start, Instant.now())).as("Dovecot's last_login read by the portal").isLessThan(Duration.ofSeconds(30));
            Thread.sleep(200);
        } while (!leo.containsKey("lastSignIn") || leo.isNull("lastSignIn"));
        Instant lastSignIn = Instant.parse(leo.getString("lastSignIn").replaceAll("\\[.*\\]$", ""));
        assertThat(Duration.between(lastSignIn, signedInAbout).abs()).isLessThan(Duration.ofSeconds(10));
        assertThat(leo.getString("recommendation")).as("a recent sign-in does not hide a locum with no last day").isEqualTo("LOCUM_WITH_NO_LAST_DAY");
    }

}
