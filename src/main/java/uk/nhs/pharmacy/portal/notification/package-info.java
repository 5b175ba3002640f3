/**
 * Email notifications through an outbox: a notification row is written in the transaction of the
 * change it tells about, and a sender on the platform's timer delivers it over SMTP with Jakarta
 * Mail, retrying with backoff, so an SMTP outage delays mail but loses none. Texts come from the
 * i18n bundle ({@code mail.*} keys).
 */
package uk.nhs.pharmacy.portal.notification;
