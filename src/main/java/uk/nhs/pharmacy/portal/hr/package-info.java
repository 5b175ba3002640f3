/**
 * HR systems as a source of joiners, movers and leavers: the bearer tokens the national team issues
 * them ({@link HrToken}, {@link HrTokens}) and what an HR system's change means for a person
 * ({@link HrFeed}), through the same account and leaver services as the screens.
 */
package uk.nhs.pharmacy.portal.hr;
