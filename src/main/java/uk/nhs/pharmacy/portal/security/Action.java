package uk.nhs.pharmacy.portal.security;

/** What a user may want to do to an organisation; {@link AccessPolicy} says who may. */
public enum Action {
    /** See the organisation, its mailbox and who has access. */
    VIEW,
    /** Create mailboxes; grant, change and revoke access. */
    MANAGE_ACCESS,
    /**
     * Create personal accounts, change their details, move them, accept joiners (LOAs, the national
     * team, and an HR system in its token's scope). Giving access to a mailbox is MANAGE_ACCESS.
     */
    MANAGE_ACCOUNTS,
    /**
     * Move the end date of existing time-limited access (a locum's cover runs on). Owners may, on
     * their own premises, but only to another date: making access permanent is MANAGE_ACCESS.
     */
    EXTEND_ACCESS,
    /** Ask for an access change (owners). */
    REQUEST_CHANGE,
    /** Approve or reject an owner's request. */
    APPROVE_REQUEST,
    /** Start a leaver workflow. */
    RUN_LEAVER,
    /** Ask for a premises' shared mailbox (owners, for their own contractor's premises). */
    REGISTER_PREMISES,
    /**
     * Edit a contractor's trading disclosures (its legal footer): its owners, the national team, and
     * an LOA with one of its premises in scope (the service asks of a premises for LOAs).
     */
    EDIT_DISCLOSURE,
    /**
     * Start an access review campaign over organisations (the national team anywhere; an LOA over
     * their scope), and decide review lines in place of reviewers who have not.
     */
    MANAGE_REVIEWS,
    /** Decide a review line of a premises: keep, change or remove the access (its owners, its LOAs, the national team). */
    REVIEW_ACCESS,
    /**
     * Appoint a deputy for an LOA on leave: an LOA for themselves, over all or part of their own scope
     * (never with scope they hold as a deputy); the national team for any LOA.
     */
    APPOINT_DEPUTY,
    /** Search and export the audit trail, within scope (the national team and LOAs; not owners). */
    SEARCH_AUDIT,
    /** National work: phases, registration queue, LOA appointments, reports. */
    ADMINISTER_NATIONAL
}
