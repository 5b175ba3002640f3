/**
 * The JSON API (/api): the same services and the same authorisation as the screens. Clients sign
 * in at /api/session and send the session cookie; errors are RFC 9457 problem details.
 */
package uk.nhs.pharmacy.portal.api;
