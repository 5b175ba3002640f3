/** Faces plumbing every view shares: messages from the bundle, error pages. */
package uk.nhs.pharmacy.portal.platform.web;
