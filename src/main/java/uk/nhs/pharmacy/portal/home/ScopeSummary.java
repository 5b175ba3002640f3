package uk.nhs.pharmacy.portal.home;

import java.io.Serializable;

/** Counts for a home page, all computed in the database over the user's scope. */
public record ScopeSummary(long premises, long activeMailboxes, long legacyMailboxes, long premisesWithoutMailbox,
                           long liveDelegations, long mailboxesBelowMinimum, long mailboxesWithoutOwner,
                           long expiringWithinWeek, long pendingLeaverCases, long requestsWaiting) implements Serializable {
}
