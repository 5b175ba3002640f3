/** The role-aware home page: what needs attention in the signed-in user's scope. */
package uk.nhs.pharmacy.portal.home;
