package uk.nhs.pharmacy.portal.provisioning;

public enum ProvisioningState {
    /** Waiting for the connector. */
    PENDING,
    APPLIED,
    /** Gave up after retries; an LOA can see and retry it. */
    FAILED,
    /** No platform is configured (the embedded demo): kept, never sent. */
    NO_TARGET
}
