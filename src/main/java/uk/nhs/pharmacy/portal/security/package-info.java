/**
 * Sign-in, roles and scope. {@link uk.nhs.pharmacy.portal.security.Authorizer} is the one place
 * that answers "may this user do this action on this organisation"; every service asks it.
 */
package uk.nhs.pharmacy.portal.security;
