package uk.nhs.pharmacy.portal.onboarding;

public enum RegistrationState {
    SUBMITTED,
    APPROVED,
    REJECTED
}
