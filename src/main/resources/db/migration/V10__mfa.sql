-- A second factor for LOAs and the national team: a TOTP secret (RFC 6238; sealed with a key off the
-- database, so reading this table gives no codes), the last time step a code
-- was accepted for (a code is good once), and one-time recovery codes, kept as SHA-256 hashes.
ALTER TABLE portal_user ADD COLUMN mfa_secret VARCHAR(200);
ALTER TABLE portal_user ADD COLUMN mfa_last_step BIGINT;
CREATE TABLE mfa_recovery_code (
    username   VARCHAR(254) NOT NULL,
    code_hash  VARCHAR(64)  NOT NULL,
    used_at    DATETIME(6),
    CONSTRAINT pk_mfa_recovery_code PRIMARY KEY (username, code_hash)
);
