/**
 * Access reviews: campaigns over a scope, the reviewer's worklist with a recommendation on each
 * line, decisions applied through the mailbox service, the deadline's rule run once as
 * {@code system:review}, reminders, progress and the evidence for the data-security return.
 */
package uk.nhs.pharmacy.portal.review;
