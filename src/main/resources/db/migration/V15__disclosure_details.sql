-- Each contractor's trading disclosures (Companies (Trading Disclosures) Regulations): what the legal
-- footer on mail sent as one of its premises says. A company or LLP: registered name, company number,
-- place of registration, registered office. A sole trader or partnership: the owners' names and an
-- address for service.
CREATE TABLE disclosure_details (
    contractor_id          BIGINT       NOT NULL PRIMARY KEY,
    legal_form             VARCHAR(20)  NOT NULL,
    registered_name        VARCHAR(200),
    company_number         VARCHAR(8),
    place_of_registration  VARCHAR(100),
    registered_office      VARCHAR(300),
    owner_names            VARCHAR(300),
    service_address        VARCHAR(300),
    -- Whether the details are complete for the legal form, as Disclosure.missing() decided when they
    -- were saved: the completeness report filters on it, so the rule is written once, in Java.
    complete               BOOLEAN      NOT NULL,
    updated_by             VARCHAR(254) NOT NULL,
    updated_at             DATETIME(6)  NOT NULL,
    version                BIGINT       NOT NULL,
    CONSTRAINT fk_disclosure_contractor FOREIGN KEY (contractor_id) REFERENCES organisation (id)
);
