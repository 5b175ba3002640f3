/**
 * Personal NHSmail accounts of pharmacy staff and locums: the only way anyone reaches a
 * shared mailbox. Holds the NHSmail address value object and account search.
 */
package uk.nhs.pharmacy.portal.account;
