/**
 * What every feature leans on: the datasource and its migrations, the clock, configuration,
 * health, JPA converters and the JDBC batch writer that bulk loads share.
 */
package uk.nhs.pharmacy.portal.platform;
