/**
 * Safe sending from a premises mailbox: the secure-domain list patient information may go to, the
 * check of an address against it, and the count of mail the platform's content filter refused. The
 * filter itself is deploy/mailplatform/portal-mail-filter; it asks the portal over the socketmap.
 */
package uk.nhs.pharmacy.portal.sending;
