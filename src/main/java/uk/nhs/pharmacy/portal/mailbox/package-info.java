/**
 * Premises-specific shared mailboxes and the delegations that give personal accounts access
 * to them: the grant and revoke rules, enforced in {@link uk.nhs.pharmacy.portal.mailbox.MailboxService}.
 */
package uk.nhs.pharmacy.portal.mailbox;
