/**
 * Deputies for an LOA on leave: appointing one for a period over all or part of the LOA's scope,
 * ending it early, and who sees which appointments. The deputy's authority itself is the security
 * package's: {@code Actors} adds running appointments to the deputy's actor, {@code AccessPolicy}
 * lets them act there as an LOA, and the audit trail records whom they acted for.
 */
package uk.nhs.pharmacy.portal.deputy;
