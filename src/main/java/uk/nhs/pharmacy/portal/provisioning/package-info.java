/**
 * The provisioning outbox: every access change records what the mail platform must do, in the
 * same transaction. The connector that applies events to a platform is a later issue.
 */
package uk.nhs.pharmacy.portal.provisioning;
