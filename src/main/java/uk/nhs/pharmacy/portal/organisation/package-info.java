/**
 * Organisations: pharmacy premises, contractors (head offices), areas and the national team;
 * their identifiers (ODS code, postcode) and the area hierarchy that LOA scopes are made of.
 */
package uk.nhs.pharmacy.portal.organisation;
