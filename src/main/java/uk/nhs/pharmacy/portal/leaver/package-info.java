/**
 * Taking access away when it should end: leaver cases (one premises, a contractor, or the NHS;
 * now or on a future date), their successor and remote-wipe steps, bulk leaver files run as a
 * background job, and the sweep that revokes time-limited access when it expires.
 */
package uk.nhs.pharmacy.portal.leaver;
