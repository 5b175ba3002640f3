-- Core model. Portable SQL: the same file runs on H2 (MODE=LEGACY) and MySQL/MariaDB.
-- Timestamps are UTC, DATETIME(6). Keys come from id_generator (table sequences batch on both databases).

CREATE TABLE id_generator (
    name        VARCHAR(64) NOT NULL PRIMARY KEY,
    next_value  BIGINT      NOT NULL
);
INSERT INTO id_generator (name, next_value) VALUES ('organisation', 0);
INSERT INTO id_generator (name, next_value) VALUES ('personal_account', 0);
INSERT INTO id_generator (name, next_value) VALUES ('shared_mailbox', 0);
INSERT INTO id_generator (name, next_value) VALUES ('delegation', 0);
INSERT INTO id_generator (name, next_value) VALUES ('audit_event', 0);
INSERT INTO id_generator (name, next_value) VALUES ('portal_user', 0);

CREATE TABLE organisation (
    id          BIGINT       NOT NULL PRIMARY KEY,
    ods_code    VARCHAR(10)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    address     VARCHAR(300),
    postcode    VARCHAR(8),
    telephone   VARCHAR(20),
    area_id     BIGINT,
    parent_id   BIGINT,
    version     BIGINT       NOT NULL,
    CONSTRAINT uq_organisation_ods UNIQUE (ods_code),
    CONSTRAINT fk_organisation_area FOREIGN KEY (area_id) REFERENCES organisation (id),
    CONSTRAINT fk_organisation_parent FOREIGN KEY (parent_id) REFERENCES organisation (id)
);
CREATE INDEX ix_organisation_name ON organisation (name);
CREATE INDEX ix_organisation_postcode ON organisation (postcode);
CREATE INDEX ix_organisation_area ON organisation (area_id, kind);
CREATE INDEX ix_organisation_parent ON organisation (parent_id, kind);

CREATE TABLE personal_account (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    address             VARCHAR(254) NOT NULL,
    first_name          VARCHAR(100) NOT NULL,
    last_name           VARCHAR(100) NOT NULL,
    job_role            VARCHAR(30)  NOT NULL,
    status              VARCHAR(30)  NOT NULL,
    home_org_id         BIGINT       NOT NULL,
    mobile_device       BOOLEAN      NOT NULL,
    leaver_since        DATETIME(6),
    version             BIGINT       NOT NULL,
    CONSTRAINT uq_account_address UNIQUE (address),
    CONSTRAINT fk_account_home FOREIGN KEY (home_org_id) REFERENCES organisation (id)
);
CREATE INDEX ix_account_last_name ON personal_account (last_name, first_name);
CREATE INDEX ix_account_home ON personal_account (home_org_id);

CREATE TABLE shared_mailbox (
    id              BIGINT       NOT NULL PRIMARY KEY,
    address         VARCHAR(254) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    premises_id     BIGINT       NOT NULL,
    status          VARCHAR(30)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT uq_mailbox_address UNIQUE (address),
    CONSTRAINT fk_mailbox_premises FOREIGN KEY (premises_id) REFERENCES organisation (id)
);
CREATE INDEX ix_mailbox_premises ON shared_mailbox (premises_id, status);
CREATE INDEX ix_mailbox_status ON shared_mailbox (status);

CREATE TABLE delegation (
    id              BIGINT       NOT NULL PRIMARY KEY,
    mailbox_id      BIGINT       NOT NULL,
    account_id      BIGINT       NOT NULL,
    full_access     BOOLEAN      NOT NULL,
    send_as         BOOLEAN      NOT NULL,
    send_on_behalf  BOOLEAN      NOT NULL,
    mailbox_owner   BOOLEAN      NOT NULL,
    granted_by      VARCHAR(254) NOT NULL,
    granted_at      DATETIME(6)  NOT NULL,
    grant_reason    VARCHAR(500),
    expires_at      DATETIME(6),
    revoked_by      VARCHAR(254),
    revoked_at      DATETIME(6),
    revoke_reason   VARCHAR(500),
    version         BIGINT       NOT NULL,
    CONSTRAINT fk_delegation_mailbox FOREIGN KEY (mailbox_id) REFERENCES shared_mailbox (id),
    CONSTRAINT fk_delegation_account FOREIGN KEY (account_id) REFERENCES personal_account (id)
);
CREATE INDEX ix_delegation_mailbox ON delegation (mailbox_id, revoked_at);
CREATE INDEX ix_delegation_account ON delegation (account_id, revoked_at);
CREATE INDEX ix_delegation_expiry ON delegation (expires_at);

CREATE TABLE audit_event (
    id              BIGINT        NOT NULL PRIMARY KEY,
    occurred_at     DATETIME(6)   NOT NULL,
    actor           VARCHAR(254)  NOT NULL,
    action          VARCHAR(60)   NOT NULL,
    target_type     VARCHAR(40)   NOT NULL,
    target_id       BIGINT,
    target_label    VARCHAR(254),
    organisation_id BIGINT,
    before_state    VARCHAR(2000),
    after_state     VARCHAR(2000),
    reason          VARCHAR(500)
);
CREATE INDEX ix_audit_target ON audit_event (target_type, target_id, occurred_at);
CREATE INDEX ix_audit_org ON audit_event (organisation_id, occurred_at);
CREATE INDEX ix_audit_actor ON audit_event (actor, occurred_at);

CREATE TABLE portal_user (
    id              BIGINT       NOT NULL PRIMARY KEY,
    username        VARCHAR(254) NOT NULL,
    password_hash   VARCHAR(300) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    account_id      BIGINT,
    version         BIGINT       NOT NULL,
    CONSTRAINT uq_portal_user_username UNIQUE (username),
    CONSTRAINT fk_portal_user_account FOREIGN KEY (account_id) REFERENCES personal_account (id)
);

-- An LOA's scope (areas and/or organisations) and an owner's scope (their contractor).
CREATE TABLE user_scope (
    user_id         BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, organisation_id),
    CONSTRAINT fk_scope_user FOREIGN KEY (user_id) REFERENCES portal_user (id),
    CONSTRAINT fk_scope_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
