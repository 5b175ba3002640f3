package uk.nhs.pharmacy.portal.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.Meta;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.hr.HrPerson;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import java.net.URI;
import java.util.Calendar;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;

/** A personal account as a SCIM User, and a SCIM User as the {@link HrPerson} an HR system states. */
final class UserMapping {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private UserMapping() {
    }

    /** The ETag of an account: its version, weak (the representation is not byte-for-byte stable). */
    static String etag(PersonalAccount account) {
        return "W/\"" + account.getVersion() + "\"";
    }

    static GenericScimResource toScim(PersonalAccount account, URI location) {
        ObjectNode user = JSON.objectNode();
        ArrayNode schemas = user.putArray("schemas");
        schemas.add(UserSchema.CORE).add(UserSchema.ENTERPRISE).add(UserSchema.PORTAL);
        user.put("id", String.valueOf(account.getId()));
        if (account.getExternalId() != null) {
            user.put("externalId", account.getExternalId());
        }
        user.put("userName", account.getAddress().value());
        ObjectNode name = user.putObject("name");
        name.put("givenName", account.getFirstName());
        name.put("familyName", account.getLastName());
        name.put("formatted", account.displayName());
        user.put("displayName", account.displayName());
        user.put("title", words(account.getJobRole()));
        user.put("active", account.mayReceiveAccess());
        ObjectNode email = user.putArray("emails").addObject();
        email.put("value", account.getAddress().value());
        email.put("type", "work");
        email.put("primary", true);
        user.putObject(UserSchema.ENTERPRISE).put("organization", account.getHomeOrganisation().getOdsCode().value());
        ObjectNode portal = user.putObject(UserSchema.PORTAL);
        portal.put("jobRole", account.getJobRole().name());
        portal.put("mobileDevice", account.hasMobileDevice());
        portal.put("status", account.getStatus().name());
        GenericScimResource resource = new GenericScimResource(user);
        Meta meta = new Meta().setResourceType("User").setLocation(location).setVersion(etag(account));
        if (account.getLastModified() != null) {
            Calendar modified = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            modified.setTimeInMillis(account.getLastModified().toEpochMilli());
            meta.setLastModified(modified);
        }
        resource.setMeta(meta);
        return resource;
    }

    /**
     * The person a User states. userName, name.givenName and name.familyName are required; active is
     * true unless it says otherwise (Entra ID sends it as the string "False"). The job role: see
     * {@link #jobRole}; {@code current} is the person's now, or null for a new person.
     */
    static HrPerson toPerson(ObjectNode user, JobRole current) throws BadRequestException {
        MailAddress address = address(text(user, "userName", true));
        JsonNode name = field(user, "name");
        String given = name == null ? null : text(name, "givenName", false);
        String family = name == null ? null : text(name, "familyName", false);
        if (given == null || given.isBlank() || family == null || family.isBlank()) {
            throw BadRequestException.invalidValue(ScimJson.words("scim.namesRequired"));
        }
        JsonNode enterprise = field(user, UserSchema.ENTERPRISE);
        String organisation = enterprise == null ? null : text(enterprise, "organization", false);
        JsonNode portal = field(user, UserSchema.PORTAL);
        String jobRole = portal == null ? null : text(portal, "jobRole", false);
        boolean mobile = portal != null && bool(portal, "mobileDevice", false);
        return new HrPerson(address, text(user, "externalId", false), given, family,
                jobRole(jobRole, text(user, "title", false), current), mobile, odsCode(organisation), bool(user, "active", true));
    }

    private static MailAddress address(String userName) throws BadRequestException {
        try {
            return MailAddress.of(userName);
        } catch (InvalidValueException e) {
            throw BadRequestException.invalidValue(ScimJson.words("scim.userNameNotNhsmail", userName));
        }
    }

    private static OdsCode odsCode(String organisation) throws BadRequestException {
        if (organisation == null || organisation.isBlank()) {
            return null;
        }
        try {
            return OdsCode.of(organisation);
        } catch (InvalidValueException e) {
            throw BadRequestException.invalidValue(ScimJson.words("scim.organizationNotOds", organisation));
        }
    }

    /**
     * A title that names a job role other than the current one is a change of role (an HR system that
     * knows only the core schema patches the title); otherwise the portal extension's role; otherwise
     * the role stays as it is, and a new person whose title names none is OTHER.
     */
    private static JobRole jobRole(String extension, String title, JobRole current) throws BadRequestException {
        JobRole fromTitle = named(title);
        JobRole fromExtension = null;
        if (extension != null) {
            fromExtension = named(extension);
            if (fromExtension == null) {
                throw BadRequestException.invalidValue(ScimJson.words("scim.jobRoleUnknown", java.util.List.of(JobRole.values())));
            }
        }
        if (current == null) {
            return fromExtension != null ? fromExtension : fromTitle != null ? fromTitle : JobRole.OTHER;
        }
        if (fromTitle != null && fromTitle != current) {
            return fromTitle;
        }
        return fromExtension != null ? fromExtension : current;
    }

    /** The job role a text names, as its constant or its words ("Locum pharmacist"), or null. */
    private static JobRole named(String text) {
        if (text == null) {
            return null;
        }
        String asName = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (JobRole role : JobRole.values()) {
            if (role.name().equals(asName)) {
                return role;
            }
        }
        return null;
    }

    private static String words(JobRole role) {
        return ResourceBundle.getBundle("i18n.messages", Locale.UK).getString("enum.JobRole." + role.name());
    }

    /** An attribute, its name compared without case as RFC 7643 §2.1 says. */
    private static JsonNode field(JsonNode node, String name) {
        var names = node.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                JsonNode value = node.get(candidate);
                return value == null || value.isNull() ? null : value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name, boolean required) throws BadRequestException {
        JsonNode value = field(node, name);
        if (value == null) {
            if (required) {
                throw BadRequestException.invalidValue(ScimJson.words("scim.required", name));
            }
            return null;
        }
        if (!value.isTextual()) {
            throw BadRequestException.invalidValue(ScimJson.words("scim.notText", name));
        }
        return value.asText();
    }

    private static boolean bool(JsonNode node, String name, boolean absent) throws BadRequestException {
        JsonNode value = field(node, name);
        if (value == null) {
            return absent;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.asText().toLowerCase(Locale.ROOT));
        }
        throw BadRequestException.invalidValue(ScimJson.words("scim.notBoolean", name));
    }
}
