-- Leaver cases: one person leaving a premises, a contractor or the NHS, now or on a future date.
-- Each case has numbered steps (revoke, successor per mailbox, remote wipe, close), kept as evidence.
INSERT INTO id_generator (name, next_value) VALUES ('leaver_case', 0);
INSERT INTO id_generator (name, next_value) VALUES ('leaver_step', 0);
INSERT INTO id_generator (name, next_value) VALUES ('bulk_leaver_job', 0);
INSERT INTO id_generator (name, next_value) VALUES ('bulk_leaver_row', 0);

CREATE TABLE leaver_case (
    id              BIGINT       NOT NULL PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    scope_org_id    BIGINT       NOT NULL,
    effective_at    DATETIME(6)  NOT NULL,
    state           VARCHAR(30)  NOT NULL,
    reason          VARCHAR(500) NOT NULL,
    opened_by       VARCHAR(254) NOT NULL,
    opened_at       DATETIME(6)  NOT NULL,
    closed_at       DATETIME(6),
    version         BIGINT       NOT NULL,
    CONSTRAINT fk_leaver_account FOREIGN KEY (account_id) REFERENCES personal_account (id),
    CONSTRAINT fk_leaver_scope FOREIGN KEY (scope_org_id) REFERENCES organisation (id)
);
CREATE INDEX ix_leaver_state ON leaver_case (state, effective_at);
CREATE INDEX ix_leaver_account ON leaver_case (account_id, state);

CREATE TABLE leaver_step (
    id              BIGINT        NOT NULL PRIMARY KEY,
    case_id         BIGINT        NOT NULL,
    step_no         INT           NOT NULL,
    kind            VARCHAR(30)   NOT NULL,
    state           VARCHAR(30)   NOT NULL,
    mailbox_id      BIGINT,
    detail          VARCHAR(2000),
    done_by         VARCHAR(254),
    done_at         DATETIME(6),
    version         BIGINT        NOT NULL,
    CONSTRAINT fk_step_case FOREIGN KEY (case_id) REFERENCES leaver_case (id),
    CONSTRAINT fk_step_mailbox FOREIGN KEY (mailbox_id) REFERENCES shared_mailbox (id)
);
CREATE INDEX ix_step_case ON leaver_step (case_id, step_no);

-- A bulk leaver file: its rows are stored when accepted, then a background job turns each into a
-- case. A row is marked done in the same transaction as its case, so a resumed job repeats nothing.
CREATE TABLE bulk_leaver_job (
    id              BIGINT        NOT NULL PRIMARY KEY,
    file_name       VARCHAR(254)  NOT NULL,
    file_sha256     VARCHAR(64)   NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    total_rows      INT           NOT NULL,
    done_rows       INT           NOT NULL,
    failed_rows     INT           NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    created_by      VARCHAR(254)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    finished_at     DATETIME(6),
    version         BIGINT        NOT NULL
);
CREATE INDEX ix_bulk_leaver_state ON bulk_leaver_job (state);

CREATE TABLE bulk_leaver_row (
    id              BIGINT        NOT NULL PRIMARY KEY,
    job_id          BIGINT        NOT NULL,
    line_no         INT           NOT NULL,
    account_address VARCHAR(254)  NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    scope_ods       VARCHAR(10),
    effective_date  DATE,
    state           VARCHAR(20)   NOT NULL,
    case_id         BIGINT,
    message         VARCHAR(1000),
    version         BIGINT        NOT NULL,
    CONSTRAINT fk_bulk_row_job FOREIGN KEY (job_id) REFERENCES bulk_leaver_job (id),
    CONSTRAINT fk_bulk_row_case FOREIGN KEY (case_id) REFERENCES leaver_case (id)
);
CREATE INDEX ix_bulk_row_job ON bulk_leaver_row (job_id, state, line_no);
