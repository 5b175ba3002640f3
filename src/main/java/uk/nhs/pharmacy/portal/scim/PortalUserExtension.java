package uk.nhs.pharmacy.portal.scim;

import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.annotations.Schema;
import com.unboundid.scim2.common.types.AttributeDefinition;

/**
 * The portal's extension of the User resource: what NHSmail's pharmacy accounts hold beyond the core
 * schema. Only its annotations are used, to describe the schema; values travel as JSON.
 */
@Schema(id = PortalUserExtension.URN, name = "PharmacyPortalUser",
        description = "A pharmacy staff member's or locum's NHSmail account as the portal holds it")
public class PortalUserExtension {

    public static final String URN = "urn:uk:nhs:pharmacy:portal:scim:schemas:extension:2.0:User";

    @Attribute(description = "The job role: PHARMACIST, LOCUM_PHARMACIST, PHARMACY_TECHNICIAN, DISPENSER, "
            + "PHARMACY_ASSISTANT, MANAGER, LOCAL_ADMINISTRATOR, NATIONAL_ADMINISTRATOR or OTHER",
            canonicalValues = {"PHARMACIST", "LOCUM_PHARMACIST", "PHARMACY_TECHNICIAN", "DISPENSER", "PHARMACY_ASSISTANT",
                    "MANAGER", "LOCAL_ADMINISTRATOR", "NATIONAL_ADMINISTRATOR", "OTHER"})
    private String jobRole;

    @Attribute(description = "Whether a mobile device is registered for the account (a leaver's is wiped)")
    private Boolean mobileDevice;

    @Attribute(description = "The account's NHSmail status: ACTIVE, LEAVER (Active (Leaver), 30 days) or DISABLED",
            mutability = AttributeDefinition.Mutability.READ_ONLY, canonicalValues = {"ACTIVE", "LEAVER", "DISABLED"})
    private String status;

    public String getJobRole() {
        return jobRole;
    }

    public Boolean getMobileDevice() {
        return mobileDevice;
    }

    public String getStatus() {
        return status;
    }
}
