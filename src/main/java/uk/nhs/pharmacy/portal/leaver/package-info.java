/**
 * Taking access away when it should end: so far the sweep that revokes time-limited access when
 * it expires. Leaver cases and joiners are the rest of this feature (issue 4).
 */
package uk.nhs.pharmacy.portal.leaver;
