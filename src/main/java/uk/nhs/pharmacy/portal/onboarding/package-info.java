/**
 * National onboarding: registration requests from the six-field form or the multi-premises
 * spreadsheet (previewed, then stored by a resumable background job), the national team's queue
 * that approves them into a premises, its mailbox and its first accounts, and the phases that
 * bring areas on in turn, with their progress.
 */
package uk.nhs.pharmacy.portal.onboarding;
