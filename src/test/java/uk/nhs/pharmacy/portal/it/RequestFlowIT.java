package uk.nhs.pharmacy.portal.it;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Owners' requests and their mail over HTTP against the shared portal, with a real SMTP server on loopback. */
@ExtendWith(SharedPortal.class)
class RequestFlowIT {

    private TestMail mail;

    @AfterEach
    void stopMail() {
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void anOwnerCannotSeeOrRequestForAnotherContractorsPremises() throws Exception {
        ApiClient owner = new ApiClient(SharedPortal.baseUrl());
        owner.signIn("owner.a1");
        HttpResponse<String> refused = owner.call("POST", "requests", "{\"kind\":\"GRANT\",\"odsCode\":\"FXD23\","
                + "\"account\":\"leo.lindqvist@nhs.net\",\"reason\":\"Not my branch\"}");
        assertThat(refused.statusCode()).as("another contractor's premises answers as if it did not exist: " + refused.body())
                .isEqualTo(404);
        assertThat(owner.call("GET", "premises/FXD23", null).statusCode()).isEqualTo(404);
        HttpResponse<String> ownBranch = owner.call("GET", "premises/FM664", null);
        assertThat(ownBranch.statusCode()).isEqualTo(200);

        ApiClient loa = new ApiClient(SharedPortal.baseUrl());
        loa.signIn("loa.bolton");
        HttpResponse<String> loaRequest = loa.call("POST", "requests", "{\"kind\":\"GRANT\",\"odsCode\":\"FM664\","
                + "\"account\":\"leo.lindqvist@nhs.net\",\"reason\":\"LOAs change access directly\"}");
        assertThat(loaRequest.statusCode()).as("only owners request: an LOA in scope is refused").isEqualTo(403);

        HttpResponse<String> otherForm = owner.page("request.xhtml?ods=FXD23");
        assertThat(otherForm.statusCode()).as("the request form for another contractor's premises").isEqualTo(404);
        assertThat(otherForm.body()).doesNotContain("requestForm");
        assertThat(owner.page("premises.xhtml?ods=FXD23").statusCode()).isEqualTo(404);
        HttpResponse<String> ownForm = owner.page("request.xhtml?ods=FM664");
        assertThat(ownForm.statusCode()).isEqualTo(200);
        assertThat(ownForm.body()).contains("requestForm");
    }

    @Test
    void aRequestApprovedWhileSmtpIsDownIsMailedExactlyOnceWhenItComesBack() throws Exception {
        ApiClient owner = new ApiClient(SharedPortal.baseUrl());
        owner.signIn("owner.a1");
        JsonObject submitted = owner.expect(201, "POST", "requests", "{\"kind\":\"GRANT\",\"odsCode\":\"FM664\","
                + "\"firstName\":\"Ola\",\"lastName\":\"Outage\",\"jobRole\":\"LOCUM_PHARMACIST\","
                + "\"permissions\":[\"FULL_ACCESS\"],\"lastDay\":\"" + LocalDate.now().plusDays(10)
                + "\",\"reason\":\"Locum cover while the manager is away\"}");
        long id = submitted.getJsonNumber("id").longValue();
        assertThat(submitted.getString("state")).isEqualTo("SUBMITTED");

        ApiClient loa = new ApiClient(SharedPortal.baseUrl());
        loa.signIn("loa.bolton");
        JsonObject approved = loa.expect(200, "POST", "requests/" + id + "/decision",
                "{\"approve\":true,\"reason\":\"Cover agreed\"}");
        assertThat(approved.getString("state")).isEqualTo("APPLIED");
        assertThat(approved.getString("result")).contains("ola.outage");
        Thread.sleep(3_000); // the sender tries, fails and backs off while no SMTP server listens

        mail = new TestMail().start();
        String subject = "Your access request " + id + " was approved";
        List<MimeMessage> arrived = mail.await("asha.aziz@nhs.net", subject, Duration.ofSeconds(30));
        assertThat(arrived).as("the approval mail arrives once SMTP is back").hasSize(1);
        assertThat(mail.await("ben.lever@nhs.net", "Access request " + id + " ", Duration.ofSeconds(30)))
                .as("the LOA was told of the request").hasSize(1);
        Thread.sleep(4_000); // long enough for any duplicate to arrive
        assertThat(mail.to("asha.aziz@nhs.net", subject)).as("exactly once").hasSize(1);
        assertThat(arrived.get(0).getContent().toString()).contains("ola.outage").contains("loa.bolton");

        JsonObject mine = owner.expect(200, "GET", "requests/" + id, null);
        assertThat(mine.getString("decidedBy")).isEqualTo("loa.bolton");
        assertThat(owner.expect(200, "GET", "premises/FM664", null).getJsonArray("access").toString()).contains("ola.outage");
    }

    @Test
    void aRejectionNeedsAReasonAndTheRequesterIsTold() throws Exception {
        mail = new TestMail().start();
        ApiClient owner = new ApiClient(SharedPortal.baseUrl());
        owner.signIn("owner.a1");
        long id = owner.expect(201, "POST", "requests", "{\"kind\":\"GRANT\",\"odsCode\":\"FM664\","
                + "\"firstName\":\"Rae\",\"lastName\":\"Rejected\",\"reason\":\"Saturday cover\"}").getJsonNumber("id").longValue();
        ApiClient loa = new ApiClient(SharedPortal.baseUrl());
        loa.signIn("loa.bolton");
        assertThat(loa.call("POST", "requests/" + id + "/decision", "{\"approve\":false}").statusCode())
                .as("no reason, no rejection").isEqualTo(400);
        loa.expect(200, "POST", "requests/" + id + "/decision", "{\"approve\":false,\"reason\":\"Use the existing locum\"}");
        assertThat(mail.await("asha.aziz@nhs.net", "Your access request " + id + " was rejected", Duration.ofSeconds(30)))
                .hasSize(1);
        assertThat(owner.expect(200, "GET", "requests/" + id, null).getString("state")).isEqualTo("REJECTED");
        assertThat(loa.call("POST", "requests/" + id + "/decision", "{\"approve\":true,\"reason\":\"Changed my mind\"}")
                .statusCode()).as("decided once").isEqualTo(422);
    }
}
