-- Safe sending from a premises mailbox. Patient information may go by email only to NHSmail and the
-- other government secure domains: the list the mail platform's content filter asks the portal
-- about, edited by the national team. A domain covers itself and its subdomains.
CREATE TABLE secure_domain (
    id          BIGINT       NOT NULL PRIMARY KEY,
    domain      VARCHAR(253) NOT NULL,
    added_by    VARCHAR(254) NOT NULL,
    added_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uq_secure_domain UNIQUE (domain)
);
INSERT INTO secure_domain (id, domain, added_by, added_at) VALUES
    (1, 'nhs.net', 'system:seed', CURRENT_TIMESTAMP),
    (2, 'gsi.gov.uk', 'system:seed', CURRENT_TIMESTAMP),
    (3, 'police.uk', 'system:seed', CURRENT_TIMESTAMP),
    (4, 'pnn.police.uk', 'system:seed', CURRENT_TIMESTAMP);
INSERT INTO id_generator (name, next_value) VALUES ('secure_domain', 100);

-- Mail the filter refused (an NHS number to a recipient outside the list), counted per premises and
-- day: never the message, its recipient or the number.
CREATE TABLE mail_refusal (
    premises_id BIGINT NOT NULL,
    refused_on  DATE   NOT NULL,
    refusals    BIGINT NOT NULL,
    PRIMARY KEY (premises_id, refused_on),
    CONSTRAINT fk_mail_refusal_premises FOREIGN KEY (premises_id) REFERENCES organisation (id)
);
