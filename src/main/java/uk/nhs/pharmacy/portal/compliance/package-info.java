/**
 * Compliance reports over premises in the reader's scope: the Quality Payments gateway at a review
 * point, NUMSAS readiness, and premises below the minimum of 2 live linked accounts and an owner.
 * Each is one SQL query over all premises, paged and filtered in the database, exported as CSV or XLSX.
 */
package uk.nhs.pharmacy.portal.compliance;
