package uk.nhs.pharmacy.portal.audit;

/** The kinds of thing the audit trail records changes to; stored by name. */
public enum AuditTargetType {
    ACCESS_REQUEST, ACCOUNT, BULK_LEAVER_JOB, DELEGATION, DEPUTY_APPOINTMENT, HR_TOKEN, LEAVER_CASE, MAILBOX, ORGANISATION, PHASE, REGISTRATION,
    REGISTRATION_UPLOAD, REVIEW_CAMPAIGN, SECURE_DOMAIN, USER
}
