package uk.nhs.pharmacy.portal.provisioning;

/** Fired when an outbox row is written; observed after commit to dispatch at once. */
public record ProvisioningRecorded(long mailboxId) {
}
