package uk.nhs.pharmacy.portal.demo;

/** One row of gm_pharmacies.csv, the columns the portal uses. */
public record GmPharmacy(String tradingName, String address, String postcode, String odsCode,
                         String localAuthorityCode, String localAuthorityName) {
}
