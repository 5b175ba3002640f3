-- Owners' requests for access changes, decided by LOAs; kept as evidence for data-security returns.
INSERT INTO id_generator (name, next_value) VALUES ('access_request', 0);
INSERT INTO id_generator (name, next_value) VALUES ('notification', 0);

CREATE TABLE access_request (
    id              BIGINT        NOT NULL PRIMARY KEY,
    kind            VARCHAR(20)   NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    premises_id     BIGINT        NOT NULL,
    account_id      BIGINT,
    new_first_name  VARCHAR(100),
    new_last_name   VARCHAR(100),
    new_job_role    VARCHAR(30),
    delegation_id   BIGINT,
    full_access     BOOLEAN       NOT NULL,
    send_as         BOOLEAN       NOT NULL,
    send_on_behalf  BOOLEAN       NOT NULL,
    mailbox_owner   BOOLEAN       NOT NULL,
    last_day        DATE,
    leaver_kind     VARCHAR(20),
    effective_date  DATE,
    reason          VARCHAR(500)  NOT NULL,
    requested_by    VARCHAR(254)  NOT NULL,
    requested_at    DATETIME(6)   NOT NULL,
    decided_by      VARCHAR(254),
    decided_at      DATETIME(6),
    decision_reason VARCHAR(500),
    result          VARCHAR(500),
    version         BIGINT        NOT NULL,
    CONSTRAINT fk_request_premises FOREIGN KEY (premises_id) REFERENCES organisation (id),
    CONSTRAINT fk_request_account FOREIGN KEY (account_id) REFERENCES personal_account (id),
    CONSTRAINT fk_request_delegation FOREIGN KEY (delegation_id) REFERENCES delegation (id)
);
CREATE INDEX ix_request_state ON access_request (state, requested_at);
CREATE INDEX ix_request_premises ON access_request (premises_id, requested_at);
CREATE INDEX ix_request_requester ON access_request (requested_by, requested_at);

-- The notification outbox: written in the transaction of the change it tells about, delivered
-- afterwards with retries and backoff, so an SMTP outage loses nothing.
CREATE TABLE notification (
    id              BIGINT        NOT NULL PRIMARY KEY,
    recipient       VARCHAR(254)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body            VARCHAR(4000) NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_error      VARCHAR(1000),
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6),
    dedupe_key      VARCHAR(200),
    version         BIGINT        NOT NULL,
    CONSTRAINT uq_notification_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_notification_due ON notification (state, next_attempt_at);
