/**
 * Owners' requests for access changes on their premises (grant, for an existing account or a new
 * starter; change; revoke; report a leaver), the LOAs' queue that approves or rejects them, and the
 * evidence of who asked, who decided and when. Approving applies the change through the same
 * services as an LOA's own change, in the same transaction.
 */
package uk.nhs.pharmacy.portal.request;
