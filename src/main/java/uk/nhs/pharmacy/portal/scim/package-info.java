/**
 * The SCIM 2.0 service provider at {@code /scim/v2} (RFC 7643, RFC 7644): discovery, and the User
 * resource over personal accounts. A channel like the JSON API: it translates SCIM to {@code hr}
 * and {@code account} services and holds no rules of its own. The resource model, filter parser,
 * PATCH and attribute selection are UnboundID's SCIM 2 SDK.
 */
package uk.nhs.pharmacy.portal.scim;
