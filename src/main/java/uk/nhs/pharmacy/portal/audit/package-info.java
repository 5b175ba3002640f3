/**
 * The append-only audit trail: who changed what, when and why. Written in the same transaction
 * as the change it records; nothing in the code updates or deletes an event.
 */
package uk.nhs.pharmacy.portal.audit;
