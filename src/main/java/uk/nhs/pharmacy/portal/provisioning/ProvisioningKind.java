package uk.nhs.pharmacy.portal.provisioning;

public enum ProvisioningKind {
    MAILBOX_CREATED, ACCESS_GRANTED, ACCESS_CHANGED, ACCESS_REVOKED
}
