-- Joiners, movers and leavers from HR systems over SCIM 2.0.
-- A personal account gains what SCIM needs: the HR system's own id for the person (externalId),
-- when it last changed (meta.lastModified, for "what changed since" filters) and when an HR system
-- deleted it (SCIM answers 404 for a deleted resource; the account itself stays, as NHSmail keeps
-- a leaver's account for 30 days). Nullable columns: adding them rewrites no existing row.
ALTER TABLE personal_account ADD COLUMN external_id VARCHAR(200);
ALTER TABLE personal_account ADD COLUMN last_modified DATETIME(6);
ALTER TABLE personal_account ADD COLUMN hr_deleted_at DATETIME(6);
CREATE INDEX ix_account_external ON personal_account (external_id);
CREATE INDEX ix_account_modified ON personal_account (last_modified);

-- Bearer tokens the national team issues to HR systems. Only a SHA-256 of the secret is kept (the
-- secret is 256 random bits, so a slow hash adds nothing). After a rotation the previous secret
-- still works until previous_until, so the HR system can change over without a gap.
CREATE TABLE hr_token (
    id              BIGINT       NOT NULL PRIMARY KEY,
    name            VARCHAR(120) NOT NULL,
    secret_hash     CHAR(64)     NOT NULL,
    previous_hash   CHAR(64),
    previous_until  DATETIME(6),
    issued_by       VARCHAR(254) NOT NULL,
    issued_at       DATETIME(6)  NOT NULL,
    rotated_at      DATETIME(6),
    revoked_by      VARCHAR(254),
    revoked_at      DATETIME(6),
    last_used_at    DATETIME(6),
    version         BIGINT       NOT NULL,
    CONSTRAINT uq_hr_token_name UNIQUE (name),
    CONSTRAINT uq_hr_token_secret UNIQUE (secret_hash)
);
CREATE INDEX ix_hr_token_previous ON hr_token (previous_hash);

-- The organisations (contractors or areas) whose people a token may see and change.
CREATE TABLE hr_token_scope (
    token_id        BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    PRIMARY KEY (token_id, organisation_id),
    CONSTRAINT fk_hr_token_scope_token FOREIGN KEY (token_id) REFERENCES hr_token (id),
    CONSTRAINT fk_hr_token_scope_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);

INSERT INTO id_generator (name, next_value) VALUES ('hr_token', 0);
