/**
 * Demo data grown from the real Greater Manchester pharmacy list, and the national-scale
 * generator that grows it further. Both write through the same {@link uk.nhs.pharmacy.portal.demo.BulkWriter}.
 */
package uk.nhs.pharmacy.portal.demo;
