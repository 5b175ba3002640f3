package uk.nhs.pharmacy.portal.it;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.nhs.pharmacy.portal.demo.GmPharmacy;
import uk.nhs.pharmacy.portal.demo.GmPharmacyList;

import java.net.http.HttpResponse;
import java.util.Calendar;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SCIM 2.0 with a client we did not write (UnboundID's SCIM 2 SDK), configured with the base URL and
 * a token only: discovery, the User life cycle, ETags, each error type, the JSON's shape against RFC
 * 7643/7644, and what an HR system's change does in the portal (read back over the JSON API as the
 * national team). The authorisation matrix for every SCIM endpoint is {@link ScimMatrixIT}.
 */
@ExtendWith(SharedPortal.class)
class ScimIT {

    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PORTAL = "urn:uk:nhs:pharmacy:portal:scim:schemas:extension:2.0:User";
    private static final String TARGET = "FA064"; // a Cohens premises in Bury

    private static ApiClient national;
    private static HrSystems.Token bury;
    private static ScimService scim;

    @BeforeAll
    static void issueTokens() throws Exception {
        national = new ApiClient(SharedPortal.baseUrl());
        national.signIn("national");
        bury = HrSystems.issue(national, "Bury HR", "E08000002");
        scim = HrSystems.client(SharedPortal.baseUrl(), bury.secret());
    }

    @Test
    void discoveryTellsAClientWhatIsSupported() throws Exception {
        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        assertThat(config.getPatch().isSupported()).isTrue();
        assertThat(config.getEtag().isSupported()).isTrue();
        assertThat(config.getFilter().isSupported()).isTrue();
        assertThat(config.getFilter().getMaxResults()).isEqualTo(500);
        assertThat(config.getBulk().isSupported()).isFalse();
        assertThat(config.getSort().isSupported()).isFalse();
        assertThat(config.getAuthenticationSchemes()).extracting(s -> s.getType()).containsExactly("oauthbearertoken");

        ListResponse<ResourceTypeResource> types = scim.getResourceTypes();
        assertThat(types.getResources()).hasSize(1);
        ResourceTypeResource user = types.getResources().get(0);
        assertThat(user.getName()).isEqualTo("User");
        assertThat(user.getEndpoint().toString()).isEqualTo("/Users");
        assertThat(user.getSchema().toString()).isEqualTo(CORE);
        assertThat(user.getSchemaExtensions()).extracting(e -> e.getSchema().toString()).containsExactlyInAnyOrder(ENTERPRISE, PORTAL);
        assertThat(scim.getResourceType("User").getName()).isEqualTo("User");

        ListResponse<SchemaResource> schemas = scim.getSchemas();
        assertThat(schemas.getResources()).extracting(SchemaResource::getId).containsExactlyInAnyOrder(CORE, ENTERPRISE, PORTAL);
        assertThat(scim.getSchema(CORE).getAttributes()).extracting(AttributeDefinition::getName)
                .containsExactlyInAnyOrder("userName", "name", "displayName", "title", "active", "emails");
        assertThat(scim.getSchema(ENTERPRISE).getAttributes()).extracting(AttributeDefinition::getName).containsExactly("organization");
        assertThat(scim.getSchema(PORTAL).getAttributes()).extracting(AttributeDefinition::getName)
                .contains("jobRole", "mobileDevice", "status");
    }

    @Test
    void aUserIsCreatedReadFilteredPagedReplacedPatchedAndDeleted() throws Exception {
        String surname = "Scim" + HrSystems.unique();
        String address = "hana." + surname.toLowerCase() + "@nhs.net";
        String externalId = "HR-" + surname;
        UserResource created = scim.create("Users", newUser(address, "Hana", surname, externalId, TARGET));
        assertThat(created.getId()).isNotBlank();
        assertThat(created.getUserName()).isEqualTo(address);
        assertThat(created.getActive()).isTrue();
        assertThat(created.getMeta().getVersion()).startsWith("W/\"");
        assertThat(created.getMeta().getLocation().toString()).endsWith("/scim/v2/Users/" + created.getId());
        assertThat(created.getExtension(EnterpriseUserExtension.class).getOrganization()).isEqualTo(TARGET);
        assertThat(national.expect(200, "GET", "accounts/" + address, null).getJsonObject("account").getString("status"))
                .isEqualTo("ACTIVE");

        assertThat(scim.retrieve("Users", created.getId(), UserResource.class).getUserName()).isEqualTo(address);
        assertThat(ids(scim.searchRequest("Users").filter("userName eq \"" + address.toUpperCase() + "\"").invoke(UserResource.class)))
                .containsExactly(created.getId());
        assertThat(ids(scim.searchRequest("Users").filter("externalId eq \"" + externalId + "\"").invoke(UserResource.class)))
                .containsExactly(created.getId());
        assertThat(ids(scim.searchRequest("Users").filter("userName sw \"hana." + surname.toLowerCase() + "\"").invoke(UserResource.class)))
                .containsExactly(created.getId());
        Calendar before = (Calendar) created.getMeta().getLastModified().clone();
        before.add(Calendar.SECOND, -2);
        assertThat(ids(scim.searchRequest("Users").filter("meta.lastModified gt \"" + before.toInstant() + "\" and userName sw \"hana.\"")
                .invoke(UserResource.class))).contains(created.getId());
        assertThat(ids(scim.searchRequest("Users").filter("meta.lastModified gt \"2999-01-01T00:00:00Z\"").invoke(UserResource.class)))
                .isEmpty();

        ListResponse<UserResource> first = scim.searchRequest("Users").page(1, 2).invoke(UserResource.class);
        ListResponse<UserResource> second = scim.searchRequest("Users").page(3, 2).invoke(UserResource.class);
        assertThat(first.getTotalResults()).isGreaterThan(4);
        assertThat(first.getItemsPerPage()).isEqualTo(2);
        assertThat(second.getStartIndex()).isEqualTo(3);
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
        ListResponse<GenericScimResource> onlyUserNames = scim.searchRequest("Users").filter("userName eq \"" + address + "\"")
                .attributes("userName").invoke(GenericScimResource.class);
        assertThat(onlyUserNames.getResources().get(0).getObjectNode().has("name")).isFalse();
        assertThat(onlyUserNames.getResources().get(0).getObjectNode().get("userName").asText()).isEqualTo(address);

        UserResource renamed = scim.retrieve("Users", created.getId(), UserResource.class);
        renamed.setName(new Name().setGivenName("Hannah").setFamilyName(surname));
        renamed.setTitle("Pharmacist");
        UserResource replaced = scim.replaceRequest(renamed).ifMatch().invoke();
        assertThat(replaced.getName().getGivenName()).isEqualTo("Hannah");
        assertThat(replaced.getTitle()).isEqualTo("Pharmacist");
        assertThat(replaced.getMeta().getVersion()).isNotEqualTo(created.getMeta().getVersion());
        assertThatThrownBy(() -> scim.replaceRequest(renamed).ifMatch().invoke())
                .as("a replace with the version before the last change").isInstanceOf(PreconditionFailedException.class);

        UserResource inactive = scim.modifyRequest("Users", created.getId()).replaceValue("active", false).invoke(UserResource.class);
        assertThat(inactive.getActive()).isFalse();
        assertThat(national.expect(200, "GET", "accounts/" + address, null).getJsonObject("account").getString("status"))
                .isEqualTo("LEAVER");
        assertThat(national.callQuietly("GET", "leavers?state=all&account=" + address)).contains("\"kind\":\"nhs\"");
        UserResource back = scim.modifyRequest("Users", created.getId()).replaceValue("active", true).invoke(UserResource.class);
        assertThat(back.getActive()).as("active again within 30 days: a joiner").isTrue();
        assertThat(national.expect(200, "GET", "accounts/" + address, null).getJsonObject("account").getString("status"))
                .isEqualTo("ACTIVE");

        scim.delete("Users", created.getId());
        assertThatThrownBy(() -> scim.retrieve("Users", created.getId(), UserResource.class)).isInstanceOf(ResourceNotFoundException.class);
        assertThat(ids(scim.searchRequest("Users").filter("userName eq \"" + address + "\"").invoke(UserResource.class))).isEmpty();
        assertThat(national.expect(200, "GET", "accounts/" + address, null).getJsonObject("account").getString("status"))
                .as("deleted by HR: a leaver, kept for NHSmail's 30 days").isEqualTo("LEAVER");
    }

    @Test
    void eachErrorSaysItsScimType() throws Exception {
        String surname = "Err" + HrSystems.unique();
        String address = "eli." + surname.toLowerCase() + "@nhs.net";
        UserResource created = scim.create("Users", newUser(address, "Eli", surname, null, TARGET));

        assertThat(scimType(() -> scim.create("Users", newUser(address, "Eli", surname, null, TARGET))))
                .as("the same userName again").isEqualTo("uniqueness");
        assertThatThrownBy(() -> scim.create("Users", newUser(address, "Eli", surname, null, TARGET)))
                .isInstanceOf(ResourceConflictException.class);
        assertThat(scimType(() -> scim.searchRequest("Users").filter("title eq \"Pharmacist\"").invoke(UserResource.class)))
                .as("a filter on an attribute that cannot be filtered").isEqualTo("invalidFilter");
        assertThat(scimType(() -> scim.searchRequest("Users").filter("userName eq").invoke(UserResource.class)))
                .as("a filter that is not one").isEqualTo("invalidFilter");
        assertThat(scimType(() -> scim.modifyRequest("Users", created.getId()).replaceValue("userName", "someone.else@nhs.net")
                .invoke(UserResource.class))).as("a new userName").isEqualTo("mutability");
        assertThat(scimType(() -> scim.create("Users", newUser("eli@example.com", "Eli", surname, null, TARGET))))
                .as("a userName that is not an NHSmail address").isEqualTo("invalidValue");
        assertThat(scimType(() -> scim.create("Users", newUser("eli2." + surname.toLowerCase() + "@nhs.net", "Eli", surname, null, "FZZ99"))))
                .as("an organisation that does not exist").isEqualTo("invalidValue");
        assertThatThrownBy(() -> scim.retrieve("Users", "999999999", UserResource.class)).isInstanceOf(ResourceNotFoundException.class);

        HttpResponse<String> noToken = HrSystems.call(SharedPortal.baseUrl(), null, "GET", "Users", null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"scim\"");
        assertThat(HrSystems.call(SharedPortal.baseUrl(), "hrt_not-a-token", "GET", "Users", null).statusCode()).isEqualTo(401);
        HttpResponse<String> notJson = HrSystems.call(SharedPortal.baseUrl(), bury.secret(), "POST", "Users", "{\"userName\":");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(notJson).getString("scimType")).isEqualTo("invalidSyntax");
    }

    /** RFC 7644 §3.4.2 (ListResponse), §3.12 (errors), RFC 7643 §4.1 and §8 (the User and its meta). */
    @Test
    void theJsonHasTheShapesOfTheRfcsExamples() throws Exception {
        String surname = "Json" + HrSystems.unique();
        String address = "jo." + surname.toLowerCase() + "@nhs.net";
        // RFC 7643 §8.1's minimal user, with an NHSmail userName and the organisation a person needs here;
        // the id the client sends is read-only, so the service provider's own is used.
        String minimal = "{\"schemas\":[\"" + CORE + "\"],\"id\":\"2819c223-7f76-453a-919d-413861904646\","
                + "\"userName\":\"" + address + "\",\"name\":{\"givenName\":\"Jo\",\"familyName\":\"" + surname + "\"},"
                + "\"" + ENTERPRISE + "\":{\"organization\":\"" + TARGET + "\"},"
                + "\"meta\":{\"resourceType\":\"User\",\"created\":\"2010-01-23T04:56:22Z\",\"lastModified\":\"2011-05-13T04:42:34Z\","
                + "\"version\":\"W\\/\\\"3694e05e9dff590\\\"\",\"location\":\"https://example.com/v2/Users/2819c223\"}}";
        HttpResponse<String> post = HrSystems.call(SharedPortal.baseUrl(), bury.secret(), "POST", "Users", minimal);
        assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
        assertThat(post.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/scim+json"));
        JsonObject user = ApiClient.json(post);
        String id = user.getString("id");
        assertThat(id).isNotEqualTo("2819c223-7f76-453a-919d-413861904646");
        assertThat(post.headers().firstValue("Location")).hasValue(user.getJsonObject("meta").getString("location"));
        assertThat(user.getJsonArray("schemas").getString(0)).isEqualTo(CORE);
        assertThat(user.getString("userName")).isEqualTo(address);
        assertThat(user.getJsonObject("name").getString("formatted")).isEqualTo("Jo " + surname);
        JsonObject email = user.getJsonArray("emails").getJsonObject(0);
        assertThat(email.getString("value")).isEqualTo(address);
        assertThat(email.getString("type")).isEqualTo("work");
        assertThat(email.getBoolean("primary")).isTrue();
        JsonObject meta = user.getJsonObject("meta");
        assertThat(meta.getString("resourceType")).isEqualTo("User");
        assertThat(meta.getString("location")).endsWith("/scim/v2/Users/" + id);
        assertThat(meta.getString("lastModified")).doesNotStartWith("2011");
        assertThat(post.headers().firstValue("ETag")).hasValue(meta.getString("version"));

        HttpResponse<String> get = HrSystems.call(SharedPortal.baseUrl(), bury.secret(), "GET", "Users/" + id, null);
        assertThat(get.headers().firstValue("ETag")).hasValue(meta.getString("version"));
        HttpResponse<String> unchanged = HrSystems.call(SharedPortal.baseUrl(), bury.secret(), "GET", "Users/" + id, null,
                "If-None-Match", meta.getString("version"));
        assertThat(unchanged.statusCode()).isEqualTo(304);

        JsonObject list = ApiClient.json(HrSystems.call(SharedPortal.baseUrl(), bury.secret(), "GET",
                "Users?filter=" + java.net.URLEncoder.encode("userName eq \"" + address + "\"", java.nio.charset.StandardCharsets.UTF_8),
                null));
        assertThat(list.getJsonArray("schemas").getString(0)).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(list.getInt("totalResults")).isEqualTo(1);
        assertThat(list.getInt("startIndex")).isEqualTo(1);
        assertThat(list.getInt("itemsPerPage")).isEqualTo(1);
        JsonArray resources = list.getJsonArray("Resources");
        assertThat(resources.getJsonObject(0).getString("id")).isEqualTo(id);

        JsonObject error = ApiClient.json(HrSystems.call(SharedPortal.baseUrl(), bury.secret(), "GET", "Users?filter=nonsense", null));
        assertThat(error.getJsonArray("schemas").getString(0)).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.getString("status")).as("RFC 7644 §3.12: the status as a string").isEqualTo("400");
        assertThat(error.getString("scimType")).isEqualTo("invalidFilter");
        assertThat(error.getString("detail")).isNotBlank();
    }

    /**
     * An HR feed's "not active" revokes every grant of the person, reaches the mail platform (the
     * provisioning outbox), and leaves a mailbox they were the only owner of with a successor step.
     */
    @Test
    void anHrLeaverLosesEveryGrantReachesThePlatformAndLeavesASuccessorStep() throws Exception {
        String surname = "Leaver" + HrSystems.unique();
        String address = "lee." + surname.toLowerCase() + "@nhs.net";
        UserResource person = scim.create("Users", newUser(address, "Lee", surname, null, TARGET));
        grant(TARGET, address, false);
        String owned = premisesWithANewMailbox();
        grant(owned, address, true);
        assertThat(national.expect(200, "GET", "accounts/" + address, null).getJsonArray("access")).hasSize(2);

        scim.modifyRequest("Users", person.getId()).replaceValue("active", false).invoke(UserResource.class);

        assertThat(national.expect(200, "GET", "accounts/" + address, null).getJsonArray("access")).as("no live access").isEmpty();
        assertThat(national.callQuietly("GET", "premises/" + TARGET + "/provisioning"))
                .as("the revoke is queued for the mail platform").contains("\"kind\":\"ACCESS_REVOKED\"").contains(address);
        String cases = national.callQuietly("GET", "leavers?state=all&account=" + address);
        assertThat(cases).contains("\"kind\":\"nhs\"").contains("\"openedBy\":\"hr:bury hr");
        assertThat(cases).as("the mailbox they alone owned waits for a successor").contains("\"kind\":\"SUCCESSOR\"")
                .contains("pharmacy." + owned.toLowerCase() + "@nhs.net");
    }

    /** A mover within the contractor leaves the old premises' access behind and gets none at the new one. */
    @Test
    void aMoverWithinTheContractorKeepsNoAccessAtTheOldPremisesAndGainsNone() throws Exception {
        ScimService cohens = HrSystems.client(SharedPortal.baseUrl(),
                HrSystems.issue(national, "Cohens HR", HrSystems.contractorCode("Cohens Chemist")).secret());
        String surname = "Mover" + HrSystems.unique();
        String address = "mo." + surname.toLowerCase() + "@nhs.net";
        UserResource person = cohens.create("Users", newUser(address, "Mo", surname, null, TARGET));
        grant(TARGET, address, false);

        UserResource moved = cohens.retrieve("Users", person.getId(), UserResource.class);
        moved.setExtension(new EnterpriseUserExtension().setOrganization("FFK43")); // Cohens, Kearsley
        UserResource after = cohens.replace(moved);

        assertThat(after.getExtension(EnterpriseUserExtension.class).getOrganization()).isEqualTo("FFK43");
        JsonObject account = national.expect(200, "GET", "accounts/" + address, null);
        assertThat(account.getJsonArray("access")).as("no access at the old premises, none added at the new").isEmpty();
        assertThat(account.getJsonObject("account").getString("status")).isEqualTo("ACTIVE");
        assertThat(national.callQuietly("GET", "leavers?state=all&account=" + address))
                .contains("\"kind\":\"premises\"").contains("\"odsCode\":\"" + TARGET + "\"");

        // To another contractor (A1 Pharmacy, FM664, also in Greater Manchester): a leaver of Cohens, a joiner there.
        ScimService greaterManchester = HrSystems.client(SharedPortal.baseUrl(),
                HrSystems.issue(national, "GM HR", "E54000057").secret());
        UserResource again = greaterManchester.retrieve("Users", person.getId(), UserResource.class);
        again.setExtension(new EnterpriseUserExtension().setOrganization("FM664"));
        assertThat(greaterManchester.replace(again).getExtension(EnterpriseUserExtension.class).getOrganization()).isEqualTo("FM664");
        assertThat(national.callQuietly("GET", "leavers?state=all&account=" + address))
                .contains("\"kind\":\"contractor\"").contains("\"odsCode\":\"" + HrSystems.contractorCode("Cohens Chemist") + "\"");
        assertThatThrownBy(() -> cohens.retrieve("Users", person.getId(), UserResource.class))
                .as("gone to another contractor: Cohens' HR system no longer sees them").isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aTokenOfOneContractorIsRefusedTheOthersPeople() throws Exception {
        String surname = "Scope" + HrSystems.unique();
        String address = "sam." + surname.toLowerCase() + "@nhs.net";
        UserResource person = scim.create("Users", newUser(address, "Sam", surname, null, TARGET));
        ScimService a1 = HrSystems.client(SharedPortal.baseUrl(),
                HrSystems.issue(national, "A1 HR", HrSystems.contractorCode("A1 Pharmacy")).secret());

        assertThatThrownBy(() -> a1.retrieve("Users", person.getId(), UserResource.class)).isInstanceOf(ResourceNotFoundException.class);
        assertThat(ids(a1.searchRequest("Users").filter("userName eq \"" + address + "\"").invoke(UserResource.class))).isEmpty();
        assertThatThrownBy(() -> a1.modifyRequest("Users", person.getId()).replaceValue("active", false).invoke(UserResource.class))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> a1.delete("Users", person.getId())).isInstanceOf(ResourceNotFoundException.class);
        assertThat(scimType(() -> a1.create("Users", newUser("sam2." + surname.toLowerCase() + "@nhs.net", "Sam", surname, null, TARGET))))
                .as("placing a person at another contractor's premises").isEqualTo("invalidValue");
        assertThat(national.expect(200, "GET", "accounts/" + address, null).getJsonObject("account").getString("status"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void aRotatedTokenWorksThroughItsChangeOverAndARevokedOneNotAtAll() throws Exception {
        HrSystems.Token token = HrSystems.issue(national, "Rotating HR", "E08000002");
        JsonObject rotated = national.expect(200, "POST", "hr-tokens/" + token.id() + "/rotate", null);
        String newSecret = rotated.getString("secret");
        assertThat(newSecret).isNotEqualTo(token.secret());
        assertThat(HrSystems.call(SharedPortal.baseUrl(), token.secret(), "GET", "ServiceProviderConfig", null).statusCode())
                .as("the previous secret, during the change-over").isEqualTo(200);
        assertThat(HrSystems.call(SharedPortal.baseUrl(), newSecret, "GET", "ServiceProviderConfig", null).statusCode()).isEqualTo(200);
        national.expect(200, "POST", "hr-tokens/" + token.id() + "/revoke", "{\"reason\":\"HR system replaced\"}");
        assertThat(HrSystems.call(SharedPortal.baseUrl(), token.secret(), "GET", "ServiceProviderConfig", null).statusCode()).isEqualTo(401);
        assertThat(HrSystems.call(SharedPortal.baseUrl(), newSecret, "GET", "ServiceProviderConfig", null).statusCode()).isEqualTo(401);
        assertThat(national.callQuietly("GET", "hr-tokens?max=500")).doesNotContain(newSecret).doesNotContain(token.secret());

        String tokenName = rotated.getJsonObject("token").getString("name");
        String audit = national.page("export/audit.csv?actor=" + java.net.URLEncoder.encode("hr:" + tokenName.toLowerCase(),
                java.nio.charset.StandardCharsets.UTF_8) + "&from=2000-01-01").body();
        assertThat(audit.lines().filter(l -> l.contains("HR_CALL") && l.contains("GET /ServiceProviderConfig")))
                .as("each call that got in is audited as done by the HR system").hasSize(2);
        assertThat(audit).as("a revoked token's calls never get in, so they are not the HR system's").doesNotContain("answered 401");
    }

    private static UserResource newUser(String address, String given, String family, String externalId, String organisation) {
        UserResource user = new UserResource().setUserName(address).setName(new Name().setGivenName(given).setFamilyName(family))
                .setTitle("Dispenser").setActive(true)
                .setEmails(List.of(new Email().setValue(address).setType("work").setPrimary(true)));
        user.setExternalId(externalId);
        user.setExtension(new EnterpriseUserExtension().setOrganization(organisation));
        return user;
    }

    private static List<String> ids(ListResponse<? extends com.unboundid.scim2.common.ScimResource> list) {
        return list.getResources() == null ? List.of() : list.getResources().stream().map(r -> r.getId()).toList();
    }

    interface ScimCall {
        Object run() throws ScimException;
    }

    private static String scimType(ScimCall call) {
        try {
            call.run();
        } catch (ScimException e) {
            return e.getScimError().getScimType();
        }
        throw new AssertionError("the call was not refused");
    }

    private static void grant(String ods, String address, boolean owner) throws Exception {
        national.expect(201, "POST", "delegations", "{\"odsCode\":\"" + ods + "\",\"account\":\"" + address
                + "\",\"permissions\":[\"FULL_ACCESS\",\"SEND_AS\"],\"owner\":" + owner + ",\"reason\":\"SCIM test\"}");
    }

    /** A Bury premises that had no mailbox, now with a new one and nobody on it. */
    private static String premisesWithANewMailbox() throws Exception {
        for (GmPharmacy p : GmPharmacyList.load()) {
            if (!"Bury".equals(p.localAuthorityName())) {
                continue;
            }
            JsonObject premises = national.expect(200, "GET", "premises/" + p.odsCode(), null);
            if (!premises.containsKey("mailbox") || premises.isNull("mailbox")) {
                national.expect(201, "POST", "premises/" + p.odsCode() + "/mailbox", "{\"reason\":\"SCIM test\"}");
                return p.odsCode();
            }
        }
        throw new IllegalStateException("every Bury premises has a mailbox already");
    }
}
